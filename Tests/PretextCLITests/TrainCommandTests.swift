import PretextCore
import PretextStore
import PretextTestSupport
import Testing

/// `pretext train`'s refusals (training itself is tested through the quickstart pipeline and
/// the trainer's own tests).
@Suite struct TrainCommandTests {
    @Test func anUnknownOptionListsTheValidOnes() throws {
        let scratch = try TemporaryDirectory()
        let result = try CLI.run(["train", scratch.path, "--output", scratch.path + "/run", "--set", "stepz=3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown option 'stepz'") && result.stderr.contains("learning_rate"))
    }

    @Test func examplesWithoutATokenizerAreRefusedByName() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try Dataset.create(at: scratch.path + "/examples")
        let writer = DatasetPartWriter(
            dataset: dataset,
            configuration: DatasetPartWriter.Configuration(
                step: 1, stage: "examples", configHash: "test", outputKind: .examples, frameSize: 1024))
        _ = try writer.begin()
        try writer.catalog!.setRecordSchema(try RecordSchema([.init("input_ids", .uint16, count: 4)]))
        for _ in 0..<10 { try [UInt8](repeating: 1, count: 8).withUnsafeBytes { try writer.addRecord($0) } }
        try writer.finish(counts: RunCounts(docsIn: 10))
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "examples", configHash: "test", worldSize: 1)
        let result = try CLI.run(["train", dataset.root, "--output", scratch.path + "/run"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("tokenizer/tokenizer.json") && result.stderr.contains(dataset.root))
    }
}
