import PretextCore
import PretextStore

/// A stage that turns a dataset's documents into binary records (pretraining examples, token
/// ids), written to `examples` shards.
///
/// Like a `DocumentStage`, a conforming type only says what to do with one document
/// (`RecordWorker.process`); the shared driver plans the input shards, streams documents with
/// their catalog rows, stores the record layout in the output catalog, writes the records a
/// kept document became and puts dropped documents whole in `rejects/` with the reason. Its
/// descriptor declares `output: .examples`. With a fixed-size layout a document becomes zero
/// or more records, without catalog rows; with a variable-length layout (`ids: uint16[]`) it
/// becomes exactly one record, catalogued with the document's row (which the worker may
/// annotate, e.g. `tokens`). Counts: documents in = converted + rejected; `shards.records`
/// counts the records.
public protocol RecordStage: Stage where Unit == ShardUnit {
    /// Per-task state; made once per task, used on one thread.
    associatedtype Worker: RecordWorker

    /// The layout of every record the stage writes, as configured, for the input dataset
    /// `input` (a stage may depend on it: the tokenizer it holds, its vocabulary size).
    func recordSchema(input: Dataset) throws -> RecordSchema

    /// Makes the state of one task reading `input`.
    func makeWorker(input: Dataset) throws -> Worker
}

/// Turns the documents of one task into records, one document at a time.
public protocol RecordWorker {
    /// Appends the records `document` becomes to `records`; returns `.keep` (the records are
    /// written) or `.drop` (they are discarded and the document goes to `rejects/`).
    ///
    /// - Throws: only for failures of the task itself; a bad document is a `.drop`.
    mutating func process(
        _ document: Document, row: inout DocumentRow, into records: inout RecordOutput
    ) throws
        -> DocumentVerdict
}

/// The records one document becomes, held until the worker's verdict: written when it keeps
/// the document, discarded when it drops it.
public struct RecordOutput {
    /// The size every record must have; `nil` for a variable-length layout (one record per
    /// document, at least as long as the fixed fields).
    public let recordBytes: Int?
    /// The fixed fields' bytes, the least a variable-length record holds.
    public let fixedBytes: Int
    /// The records appended since the last document, back to back.
    private(set) var bytes: [UInt8] = []
    /// Where each record ends in `bytes`.
    private(set) var ends: [Int] = []

    init(schema: RecordSchema) {
        recordBytes = schema.recordBytes
        fixedBytes = schema.fixedBytes
    }

    /// The number of records appended for the current document.
    public var count: Int { ends.count }

    /// Appends one record.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when it does not fit the layout: not
    ///   `recordBytes` long, shorter than the fixed fields, or a second record of a
    ///   variable-length layout.
    public mutating func append(_ record: RecordBuilder) throws {
        if let recordBytes, record.bytes.count != recordBytes {
            throw PretextError(
                .invalidConfiguration,
                "a record of \(record.bytes.count) bytes; the stage's record schema has \(recordBytes)")
        }
        if recordBytes == nil {
            guard ends.isEmpty, record.bytes.count >= fixedBytes else {
                throw PretextError(
                    .invalidConfiguration,
                    "a variable-length layout takes one record per document, of at least \(fixedBytes) bytes")
            }
        }
        bytes.append(contentsOf: record.bytes)
        ends.append(bytes.count)
    }

    /// Calls `body` with each record, in order.
    func forEach(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { all in
            var start = 0
            for end in ends {
                try body(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    /// Forgets the records of the current document.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

extension RecordStage {
    /// The document shards of the input dataset, in catalog order.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        try ShardUnit.plan(input, stage: Self.descriptor.name)
    }

    /// Runs this task's shards through a fresh worker.
    public func run(_ units: [ShardUnit], in task: StageTask) throws {
        guard let input = units.first?.dataset else { return }
        let schema = try recordSchema(input: input)
        try task.declareRecordSchema(schema)
        var driver = RecordStageDriver(
            stage: Self.descriptor.name, worker: try makeWorker(input: input), task: task, schema: schema)
        for unit in units { try driver.convert(unit) }
    }
}
