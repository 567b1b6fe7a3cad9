import PretextCore
import PretextStore

/// A stage that turns a dataset's documents into binary records of a fixed layout (token ids,
/// pretraining examples): zero or more records per document, written to `examples` shards.
///
/// Like a `DocumentStage`, a conforming type only says what to do with one document
/// (`RecordWorker.process`); the shared driver plans the input shards, streams documents with
/// their catalog rows, stores the record layout in the output catalog, writes the records a
/// kept document became and puts dropped documents whole in `rejects/` with the reason. Its
/// descriptor declares `output: .examples`. Counts: documents in = converted + rejected;
/// `shards.records` counts the records.
public protocol RecordStage: Stage where Unit == ShardUnit {
    /// Per-task state; made once per task, used on one thread.
    associatedtype Worker: RecordWorker

    /// The layout of every record the stage writes (as configured).
    var recordSchema: RecordSchema { get }

    /// Makes the state of one task.
    func makeWorker() throws -> Worker
}

/// Turns the documents of one task into records, one document at a time.
public protocol RecordWorker {
    /// Appends the records `document` becomes to `records`; returns `.keep` (the records are
    /// written) or `.drop` (they are discarded and the document goes to `rejects/`).
    ///
    /// - Throws: only for failures of the task itself; a bad document is a `.drop`.
    mutating func process(
        _ document: Document, row: DocumentRow, into records: inout RecordOutput
    ) throws
        -> DocumentVerdict
}

/// The records one document becomes, held until the worker's verdict: written when it keeps
/// the document, discarded when it drops it.
public struct RecordOutput {
    /// The size every record must have.
    public let recordBytes: Int
    /// The records appended since the last document, back to back.
    private(set) var bytes: [UInt8] = []

    init(recordBytes: Int) { self.recordBytes = recordBytes }

    /// The number of records appended for the current document.
    public var count: Int { bytes.count / recordBytes }

    /// Appends one record.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when it is not `recordBytes` long.
    public mutating func append(_ record: RecordBuilder) throws {
        guard record.bytes.count == recordBytes else {
            throw PretextError(
                .invalidConfiguration,
                "a record of \(record.bytes.count) bytes; the stage's record schema has \(recordBytes)")
        }
        bytes.append(contentsOf: record.bytes)
    }

    /// Forgets the records of the current document.
    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

extension RecordStage {
    /// The document shards of the input dataset, in catalog order.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        try ShardUnit.plan(input, stage: Self.descriptor.name)
    }

    /// Runs this task's shards through a fresh worker.
    public func run(_ units: [ShardUnit], in task: StageTask) throws {
        try task.declareRecordSchema(recordSchema)
        var driver = RecordStageDriver(stage: Self.descriptor.name, worker: try makeWorker(), task: task)
        for unit in units { try driver.convert(unit) }
    }
}
