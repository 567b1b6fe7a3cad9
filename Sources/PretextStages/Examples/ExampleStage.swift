import PretextCore
import PretextStore
import PretextTokenizer
import _PretextFileSystem

/// A stage that turns a tokenized dataset (the `tokenize` stage's token records, one per
/// document, with their rows) into fixed-size example records: MLM and NSP/SOP pairs,
/// causal-LM blocks, T5 spans. `docs/stages/examples.md`.
///
/// Each input shard is a unit, generated on its own with a random stream seeded by the stage's
/// seed and the shard's path: the examples do not depend on how many tasks or workers run, and
/// a shard's documents are all a generator holds (BERT's "random next" document comes from the
/// same shard). Every document counts as converted (`docs_out`), whether or not it yields an
/// example; the example records are counted in the shards. The input's tokenizer is copied
/// into the output's `tokenizer/`, so `pretext cat` shows the examples' tokens.
public protocol ExampleStage: StageFinishing where Unit == ShardUnit {
    /// The state of one shard's generation.
    associatedtype Generator: ExampleGenerator

    /// The layout of the examples, for the tokenized input (its tokenizer, its vocabulary).
    func recordSchema(tokens: TokenRecords) throws -> RecordSchema

    /// A generator for one input shard, whose random stream starts from `seed`.
    func makeGenerator(tokens: TokenRecords, seed: UInt64) throws -> Generator

    /// The stage's seed (option `seed`), mixed with each shard's path.
    var seed: UInt64 { get }

    /// The SQL condition choosing the documents examples are made of (option `where`; empty:
    /// all), `ExampleSelection`.
    var condition: String { get }
}

/// Generates the examples of one input shard.
public protocol ExampleGenerator {
    /// Takes one document; may write examples at once (`output`) or hold it for `finish`.
    mutating func add(_ document: TokenDocument, to output: inout ExampleOutput) throws

    /// Writes the examples still held, at the end of the shard.
    mutating func finish(to output: inout ExampleOutput) throws
}

/// Where a generator's example records go, each of the schema's size.
public struct ExampleOutput {
    let task: StageTask

    init(task: StageTask) { self.task = task }

    /// Writes one example record.
    /// - Throws: `.invalidConfiguration` when the record is not of the schema's size.
    public mutating func write(_ record: RecordBuilder) throws {
        try write(record.bytes)
    }

    /// Writes one example record given as bytes.
    /// - Throws: `.invalidConfiguration` when the record is not of the schema's size.
    public mutating func write(_ record: [UInt8]) throws {
        try record.withUnsafeBytes { try task.writeRecord($0) }
    }
}

extension ExampleStage {
    /// The token shards of the input (a dataset the `tokenize` stage wrote); checks the `where`
    /// condition first.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        let units = try ShardUnit.plan(input, stage: Self.descriptor.name, kind: .examples)
        if case .dataset(let path) = input {
            let dataset = try Dataset.open(at: path)
            _ = try Self.tokens(of: dataset)
            _ = try ExampleSelection.matchingRowIDs(condition, in: dataset)
        }
        return units
    }

    /// Generates the examples of each of this task's shards with a fresh generator.
    public func run(_ units: [ShardUnit], in task: StageTask) throws {
        guard let input = units.first?.dataset else { return }
        let tokens = try Self.tokens(of: input)
        try task.declareRecordSchema(try recordSchema(tokens: tokens))
        let matching = try ExampleSelection.matchingRowIDs(condition, in: input)
        for unit in units {
            var generator = try makeGenerator(tokens: tokens, seed: Self.unitSeed(seed, unit: unit))
            var output = ExampleOutput(task: task)
            try ShardDocuments(unit: unit).forEachBinaryRecord { bytes, row in
                // A token record's row may have no text size: its record's size stands in.
                task.countRead(textBytes: row.bytes ?? bytes.count)
                task.keepConverted()
                if let matching, let rowID = row.rowID, !matching.contains(rowID) { return }
                try generator.add(try TokenDocument(record: bytes, row: row, tokens: tokens), to: &output)
            }
            try generator.finish(to: &output)
            task.finished(unit)
        }
    }

    /// Copies the input's tokenizer into the output, so the examples decode on their own.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        try copyTokenizer(to: dataset, from: input)
    }

    /// The token records of a tokenized dataset.
    /// - Throws: `.invalidConfiguration` when the dataset holds no token records.
    static func tokens(of dataset: Dataset) throws -> TokenRecords {
        guard let tokens = try TokenRecords(dataset: dataset) else {
            throw PretextError(
                .invalidConfiguration,
                "the \(descriptor.name) stage reads token records: give the output of a tokenize step",
                path: dataset.root)
        }
        return tokens
    }

    /// The seed of one shard's random stream: the stage's seed and the shard's path, hashed.
    static func unitSeed(_ seed: UInt64, unit: ShardUnit) -> UInt64 {
        SplitMix64.mix(XXH64.hash(Array(unit.path.utf8), seed: seed))
    }
}
