import Foundation
import PretextCore
import PretextStages
import PretextStore

@testable import PretextPipeline

/// Made-up text for dedupe tests: seeded, no text from elsewhere.
struct MadeUpText {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { random.next() }

    mutating func word() -> String {
        let syllables = ["ka", "lo", "mi", "ter", "su", "van", "pe", "dor", "qui", "zel", "ra", "fen", "tu", "bex"]
        let count = 2 + Int(next() % 3)
        return (0..<count).map { _ in syllables[Int(next() % UInt64(syllables.count))] }.joined()
    }

    mutating func words(_ count: Int) -> [String] { (0..<count).map { _ in word() } }

    /// A line of `words` made-up words, capitalized, ending with a period.
    mutating func sentence(_ words: Int = 8) -> String {
        let text = self.words(words).joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Made-up Chinese: `count` ideographs from U+4E00 on, a full stop every 20.
    mutating func chinese(_ count: Int) -> [Character] {
        (0..<count).map { index in
            index % 20 == 19 ? "。" : Character(Unicode.Scalar(0x4E00 + UInt32(next() % 3000))!)
        }
    }

    /// `words` with `count` of them (at random positions, possibly repeated) replaced.
    mutating func edited(_ words: [String], count: Int) -> [String] {
        var words = words
        for _ in 0..<count { words[Int(next() % UInt64(words.count))] = word() }
        return words
    }
}

/// Runs the ingest and dedupe stages for dedupe tests and reads their drops.
enum DedupeTestRun {
    /// Writes `files` of (id, text) documents as JSONL and ingests them into shards of
    /// `shardBytes` with `workers` tasks.
    static func ingest(
        _ files: [[(String, String)]], in directory: TemporaryDirectory, shardBytes: Int = 4096, workers: Int = 1
    ) throws -> String {
        for (index, file) in files.enumerated() {
            let lines = try file.map { id, text in
                String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self)
            }
            try directory.write("in/part-\(index).jsonl", lines.joined(separator: "\n") + "\n")
        }
        let output = directory.path + "/ingested"
        var execution = ExecutionSettings.defaults.values
        execution["shard_bytes"] = .integer(shardBytes)
        _ = try PipelineRunner().runStage(
            "ingest", options: StageOptions(), input: .files([InputSpec(path: directory.path + "/in")]), output: output,
            execution: StageOptions(execution), settings: RunSettings(workers: workers, progressStyle: .silent))
        return output
    }

    /// Runs the dedupe stage with `given` options.
    static func dedupe(
        _ input: String, _ output: String, _ given: [(String, RawOptionValue)],
        settings: RunSettings = RunSettings(progressStyle: .silent)
    ) throws -> StepReport {
        let options = try StageOptions(
            specs: DedupeStage.descriptor.options, given: given.map { ($0.0, $0.1, nil) }, context: "test")
        return try PipelineRunner().runStage(
            "dedupe", options: options, input: .dataset(path: input), output: output, settings: settings)
    }

    /// Rejected ids with "reason: detail".
    static func rejects(_ path: String) throws -> [String: String] {
        let rows = try Dataset.open(at: path).openCatalog(readOnly: true).query(
            "SELECT document, reason, detail FROM drops")
        return Dictionary(uniqueKeysWithValues: rows.rows.map { ($0[0].description, "\($0[1]): \($0[2])") })
    }
}
