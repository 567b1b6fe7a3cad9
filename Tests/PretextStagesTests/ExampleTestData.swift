import Foundation
import PretextCore
import PretextPipeline
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextStages

/// A tokenized dataset built from generated text, and the records of example datasets, for
/// the example stage tests.
enum ExampleTestData {
    private static let words = [
        "the", "harbour", "lights", "came", "on", "one", "by", "as", "fog", "rolled", "in", "from", "sea",
        "fishermen", "mended", "their", "nets", "quay", "talking", "about", "weather", "price", "of", "fuel",
    ]

    /// Ingests `documents` generated texts (seeded, 3 to 120 words) with two workers (so there
    /// are several shards), trains a BPE tokenizer of 400 ids (`<|endoftext|>` is id 0) and
    /// tokenizes them.
    ///
    /// - Returns: the tokenized dataset's path.
    static func tokenized(_ directory: TemporaryDirectory, documents: Int) throws -> String {
        var random = ExampleRandom(seed: 7)
        let lines = try (0..<documents).map { index in
            let text = (0..<random.integer(3, 120)).map { _ in words[random.uniform(below: words.count)] }
            return try StageRun.line(id: "d\(index)", text: text.joined(separator: " ") + ".")
        }
        try directory.write("in/a.jsonl", lines.joined(separator: "\n") + "\n")
        try directory.write("in/b.jsonl", lines.prefix(documents / 3).joined(separator: "\n") + "\n")
        try StageRun.pipeline(
            "  - stage: tokenizer\n    vocab_size: 400\n  - stage: tokenize", in: directory, workers: 2)
        return directory.file("out/03-tokenize")
    }

    /// The documents' ids of each token shard, in storage order.
    static func shardDocuments(_ path: String) throws -> [[[UInt32]]] {
        let dataset = try Dataset.open(at: path)
        let tokens = try #require(try TokenRecords(dataset: dataset))
        let fetcher = RecordFetcher(dataset: dataset)
        var shards: [[[UInt32]]] = []
        var current = ""
        try dataset.openCatalog(readOnly: true).forEachRecord(of: .documents) { address in
            if address.shard != current { shards.append([]) }
            current = address.shard
            let location = address.location
            shards[shards.count - 1].append(
                try fetcher.withRecord(
                    shard: address.shard, frame: location.frame, offset: location.offset, length: location.length,
                    tokens.ids))
        }
        return shards
    }

    /// The record schema and every record of an example dataset, in catalog order.
    static func records(_ path: String) throws -> (schema: RecordSchema, records: [[UInt8]]) {
        let dataset = try Dataset.open(at: path)
        let catalog = try dataset.openCatalog(readOnly: true)
        let schema = try #require(try catalog.recordSchema())
        let size = try #require(schema.recordBytes)
        var records: [[UInt8]] = []
        for shard in try catalog.shards() where shard.kind == .examples {
            let reader = try ShardReader(path: dataset.path(shard.path))
            for frame in 0..<reader.frameCount {
                try reader.withFrame(frame) { bytes in
                    for start in stride(from: 0, to: bytes.count, by: size) {
                        records.append(Array(bytes[start..<start + size]))
                    }
                }
            }
        }
        return (schema, records)
    }

    /// The values of field `name` of `record`.
    static func field(_ name: String, of record: [UInt8], schema: RecordSchema) throws -> [UInt32] {
        let index = try #require(schema.fields.firstIndex { $0.name == name })
        let field = schema.fields[index]
        let start = schema.offsets[index]
        return (0..<(field.count ?? 0)).map { value in
            let offset = start + value * field.type.size
            return (0..<field.type.size).reduce(UInt32(0)) { $0 | UInt32(record[offset + $1]) << (8 * $1) }
        }
    }

    /// Runs `stage` with `options` on `input` into `directory/name` with `workers` tasks.
    @discardableResult
    static func run(
        _ stage: String, _ options: [(String, RawOptionValue)] = [], input: String, into directory: TemporaryDirectory,
        name: String, workers: Int = 1
    ) throws -> String {
        let output = directory.file(name)
        try StageRun.stage(stage, options, input: input, output: output, settings: StageRun.settings(workers: workers))
        return output
    }
}
