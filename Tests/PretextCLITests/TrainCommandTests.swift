import Foundation
import PretextCore
import PretextStore
import PretextTestSupport
import Testing

/// `pretext train`'s refusals and its linear probe (training itself is tested through the
/// quickstart pipeline and the trainer's own tests).
@Suite struct TrainCommandTests {
    /// Two sources of made-up words, disjoint syllables: a pipeline tokenizes them, packs
    /// blocks and trains a small GPT-2 whose probe tells the sources apart.
    static func twoSourcePipeline(_ scratch: TemporaryDirectory, probe: String) throws -> String {
        for (name, syllables) in [("a", ["ka", "lo", "mi", "ra"]), ("b", ["tu", "ne", "so", "vi"])] {
            var random = SplitMix64(seed: name == "a" ? 1 : 2)
            let lines = (0..<40).map { index in
                let words = (0..<30).map { _ in
                    (0..<2).map { _ in syllables[Int(random.next() % 4)] }.joined()
                }
                return "{\"id\":\"\(name)-\(index)\",\"text\":\"\(words.joined(separator: " "))\"}"
            }
            try scratch.write("in/\(name).jsonl", lines.joined(separator: "\n") + "\n")
        }
        return try scratch.write(
            "pipeline.yaml",
            """
            output: \(scratch.file("out"))
            inputs: [\(scratch.file("in"))]
            stages:
              - stage: ingest
              - stage: tokenizer
                vocab_size: 300
              - stage: tokenize
              - stage: causal_lm
                block_size: 32
            train:
              layers: 1
              hidden: 16
              heads: 2
              steps: 2
              batch_size: 4
              probe_column: \(probe)
            """)
    }

    @Test func theProbeTellsTheSourcesApartFromTheDocumentsTheExamplesRecord() throws {
        let scratch = try TemporaryDirectory()
        let run = try CLI.run(["run", try Self.twoSourcePipeline(scratch, probe: "source"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let meta = try CLI.run([
            "query", scratch.file("out/04-causal_lm"),
            "SELECT value FROM dataset_meta WHERE key = 'examples_documents'",
        ])
        #expect(meta.stdout.contains("../03-tokenize"), "\(meta.stdout)")
        #expect(
            run.stdout.contains("probe source (2 classes, 60 fitted, 20 held out): accuracy 1.000"), "\(run.stdout)")
        let log = try String(contentsOfFile: scratch.file("out/train/log.jsonl"), encoding: .utf8)
        #expect(log.contains("\"step\":0,\"split\":\"probe\",\"column\":\"source\""))
        #expect(log.contains("\"step\":2,\"split\":\"probe\""))
    }

    @Test func aColumnTheDocumentsLackSkipsTheProbeAndSaysWhy() throws {
        let scratch = try TemporaryDirectory()
        let run = try CLI.run(["run", try Self.twoSourcePipeline(scratch, probe: "lang"), "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout.contains("train: no linear probe:")
                && run.stdout.contains("0 distinct value(s) in column 'lang'"), "\(run.stdout)")
        #expect(!run.stdout.contains("probe lang"))
        let unknown = try CLI.run([
            "train", scratch.file("out/04-causal_lm"), "--output", scratch.file("colour"), "--set",
            "probe_column=colour",
            "--set", "steps=1",
        ])
        #expect(unknown.status == 0 && unknown.stdout.contains("no column 'colour'"), "\(unknown.stdout)")
        let explicit = try CLI.run([
            "train", scratch.file("out/04-causal_lm"), "--output", scratch.file("other"), "--set",
            "probe_documents=\(scratch.file("missing"))", "--set", "steps=1",
        ])
        #expect(explicit.status != 0 && explicit.stderr.contains(scratch.file("missing")), "\(explicit.stderr)")
    }

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
