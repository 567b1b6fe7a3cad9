import PretextCore
import PretextStore
import PretextTestSupport
import Testing

/// `pretext loader-bench` on small examples datasets.
@Suite struct LoaderBenchTests {
    /// An examples dataset of `count` records of `schema`, each `record`.
    func writeExamples(at root: String, count: Int, schema: RecordSchema, record: [UInt8]) throws {
        let dataset = try Dataset.create(at: root)
        let writer = DatasetPartWriter(
            dataset: dataset,
            configuration: DatasetPartWriter.Configuration(
                step: 1, stage: "examples", configHash: "test", outputKind: .examples, frameSize: 1024))
        _ = try writer.begin()
        try writer.catalog!.setRecordSchema(schema)
        for _ in 0..<count { try record.withUnsafeBytes { try writer.addRecord($0) } }
        try writer.finish(counts: RunCounts(docsIn: count))
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "examples", configHash: "test", worldSize: 1)
    }

    @Test func printsTheTimeToFirstBatchAndTheRates() throws {
        let scratch = try TemporaryDirectory()
        let schema = try RecordSchema([.init("input_ids", .int32, count: 8), .init("length", .uint16)])
        try writeExamples(at: scratch.path, count: 300, schema: schema, record: [UInt8](repeating: 0, count: 34))
        let result = try CLI.run(["loader-bench", scratch.path, "--batch-size", "4", "--batches", "100"])
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["examples: 300", "time to first batch:", "100 batches, 400 examples", "examples/s:", "MB/s"] {
            #expect(result.stdout.contains(line), "\(result.stdout)")
        }
    }

    @Test func refusesVariableLengthRecords() throws {
        let scratch = try TemporaryDirectory()
        let schema = try RecordSchema([.init("ids", .uint16, count: nil)])
        try writeExamples(at: scratch.path, count: 3, schema: schema, record: [1, 0])
        let result = try CLI.run(["loader-bench", scratch.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("variable length"))
    }
}
