import Foundation
import PretextCore
import PretextTestSupport
import Testing

/// `pretext train` on `contrastive` pairs made by a pipeline from a small corpus, as a user
/// would run it: the contrastive encoder is chosen, trains, prints its held-out retrieval and
/// its linear probe, and writes a `BertModel` checkpoint.
@Suite struct ContrastiveTrainCommandTests {
    /// 160 documents of 2–6 sentences, half in source `a` and half in `b`; each document draws
    /// its words from its own 4 of its source's 6 syllables, so adjacent sentences share a
    /// vocabulary the encoder can learn to match and the sources differ (for the probe).
    static func corpus(_ scratch: TemporaryDirectory) throws {
        var random = SplitMix64(seed: 17)
        let syllables = ["ka", "lo", "mi", "ra", "tu", "ne", "so", "vi", "pe", "da", "gu", "ri"]
        var lines: [[String]] = [[], []]
        for index in 0..<160 {
            let source = index / 80
            let topic = (0..<4).map { _ in syllables[6 * source + Int(random.next() % 6)] }
            func word() -> String {
                (0..<(1 + Int(random.next() % 2))).map { _ in topic[Int(random.next() % 4)] }.joined()
            }
            let sentences = (0..<(2 + Int(random.next() % 5))).map { _ in
                let words = (0..<(4 + Int(random.next() % 8))).map { _ in word() }.joined(separator: " ")
                return words.prefix(1).uppercased() + words.dropFirst() + "."
            }
            let record = ["id": "doc-\(index)", "text": sentences.joined(separator: " ")]
            lines[source].append(String(decoding: try JSONSerialization.data(withJSONObject: record), as: UTF8.self))
        }
        try scratch.write("in/a.jsonl", lines[0].joined(separator: "\n") + "\n")
        try scratch.write("in/b.jsonl", lines[1].joined(separator: "\n") + "\n")
    }

    /// The pairs: ingest → segment → WordPiece (600) → tokenize → contrastive with hard negatives.
    static func pairs(_ scratch: TemporaryDirectory) throws -> String {
        try corpus(scratch)
        let pipeline = try scratch.write(
            "pairs.yaml",
            """
            output: \(scratch.path)/out
            inputs: [\(scratch.path)/in]
            stages:
              - stage: ingest
              - stage: segment
              - stage: tokenizer
                model: wordpiece
                vocab_size: 600
              - stage: tokenize
              - stage: contrastive
                max_length: 32
                hard_negatives: same_source
            """)
        let result = try CLI.run(["run", pipeline, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        return scratch.path + "/out/05-contrastive"
    }

    @Test func trainsAndPrintsTheHeldOutRetrieval() throws {
        let scratch = try TemporaryDirectory()
        let examples = try Self.pairs(scratch)
        let output = scratch.path + "/run"
        let settings = [
            "steps=6", "layers=1", "hidden=32", "heads=2", "batch_size=8", "warmup_steps=0", "eval_every=0",
            "eval_fraction=0.2", "eval_batches=2", "pooling=first", "temperature=0.1", "probe_column=source",
        ]
        let result = try CLI.run(["train", examples, "--output", output] + settings.flatMap { ["--set", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("train: contrastive (first pooling, temperature 0.1)"), "\(result.stdout)")
        let heldOut = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("held-out: ") })
        #expect(heldOut.contains("contrastive_loss ") && heldOut.contains("contrastive_top1 "), "\(heldOut)")
        let probe = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("probe source ") })
        // The sources share no syllable, so even the untrained encoder's [CLS] states tell them apart.
        #expect(probe.hasPrefix("probe source (2 classes, 120 fitted, 40 held out): accuracy 1.000"), "\(probe)")
        #expect(probe.contains("(majority class 0.500); untrained model "), "\(probe)")
        let config = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output + "/config.json")))
                as? [String: Any])
        #expect(config["architectures"] as? [String] == ["BertModel"])
        #expect(config["pretext_pooling"] as? String == "first" && config["pretext_temperature"] as? Double == 0.1)
        let log = try String(contentsOfFile: output + "/log.jsonl", encoding: .utf8)
        #expect(log.contains("\"contrastive_top1\""))
        #expect(log.contains("\"step\":0,\"split\":\"probe\",\"column\":\"source\""))
    }

    @Test func theDefaultProbeIsSkippedWithItsReasonWhenTheDocumentsHaveNoLanguages() throws {
        let scratch = try TemporaryDirectory()
        let examples = try Self.pairs(scratch)
        let result = try CLI.run([
            "train", examples, "--output", scratch.path + "/run", "--set", "steps=1", "--set", "layers=1", "--set",
            "hidden=32", "--set", "heads=2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.contains(
                "train: no linear probe: the documents have 0 distinct value(s) in column 'lang' and a probe needs two"),
            "\(result.stdout)")
        #expect(!result.stdout.contains("probe lang"))
    }

    @Test func anotherModelIsRefusedNamingTheRecords() throws {
        let scratch = try TemporaryDirectory()
        let examples = try Self.pairs(scratch)
        let result = try CLI.run(["train", examples, "--output", scratch.path + "/run", "--set", "model=gpt2"])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("anchor_ids") && result.stderr.contains("contrastive on contrastive pairs"))
    }
}
