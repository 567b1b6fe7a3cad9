import PretextCore
import PretextStore

/// One task (rank) of a running stage: where it writes, and what it has counted.
///
/// A stage's `run` receives one `StageTask` and sends every record through it: kept
/// documents to `keep` (or, for a stage writing binary records, the records to `writeRecord`
/// and the document to `keepConverted`), bad records to `reject`, whole-file problems to
/// `dropFile`. The task keeps the counts that go into `runs` (documents in = kept + rejected)
/// and feeds progress. Results a task leaves for the step's end go to `writeResult`.
/// Owned by one thread; not shared between tasks.
public final class StageTask {
    /// The 1-based pipeline step.
    public let step: Int
    /// The stage name.
    public let stage: String
    /// This task's rank in `0..<worldSize`.
    public let rank: Int
    /// The number of tasks of the step.
    public let worldSize: Int
    /// The task's own output writer (shards, rejects, catalog part).
    public let writer: DatasetPartWriter
    /// The step's shared progress reporter.
    public let progress: Progress
    /// The work area of a `PhasedStage` (its phases' files); `nil` for single-pass stages.
    public let work: WorkArea?

    /// Records read (documents and bad records); `kept + rejected`.
    public private(set) var documentsIn = 0
    /// Documents written to the output.
    public private(set) var kept = 0
    /// Records written to `rejects/`.
    public private(set) var rejected = 0
    /// Whole-file drops (no record): unreadable files, truncated streams.
    public private(set) var fileDrops = 0
    /// Input files (or shards) read.
    public private(set) var filesIn = 0
    /// Input bytes read.
    public private(set) var bytesIn: Int64 = 0
    /// The layout every binary record must have, once declared.
    public private(set) var recordSchema: RecordSchema?
    /// Files written with `writeResult`, by work-area phase: the runner lists them in this
    /// task's manifest of each phase when `run` returns.
    public private(set) var results: [String: [WorkFileInfo]] = [:]
    /// The signal columns already added to the task's catalog part.
    private var knownColumns: Set<String> = []
    /// This task's progress counts, flushed to `progress` every tenth of a second.
    private var meter: ProgressMeter

    /// Creates a task writing through `writer`.
    public init(
        step: Int, stage: String, rank: Int, worldSize: Int, writer: DatasetPartWriter, progress: Progress,
        work: WorkArea? = nil
    ) {
        self.work = work
        self.step = step
        self.stage = stage
        self.rank = rank
        self.worldSize = worldSize
        self.writer = writer
        self.progress = progress
        meter = ProgressMeter(progress)
    }

    /// Writes a kept document: its record (a JSON line with `\n`) and its catalog row.
    public func keep(record: UnsafeRawBufferPointer, row: DocumentRow) throws {
        try ensureColumns(of: row)
        try writer.addDocument(record: record, row: row)
        documentsIn += 1
        kept += 1
    }

    /// Keeps every document of the input shard `unit` unchanged, with `rows` (one per record,
    /// at its location): the shard file is linked into the output, not rewritten.
    public func keepShard(_ unit: ShardUnit, rows: [(DocumentRow, RecordLocation)]) throws {
        let catalog = try unit.dataset.openCatalog(readOnly: true)
        guard let shard = try catalog.shard(id: unit.shardID) else {
            throw PretextError(.corrupt, "the catalog has no shard \(unit.shardID)", path: unit.dataset.path(unit.path))
        }
        for (row, _) in rows { try ensureColumns(of: row) }
        try writer.addLinkedShard(shard, of: unit.dataset, rows: rows)
        documentsIn += rows.count
        kept += rows.count
    }

    /// Declares the layout of the binary records this task writes; it is stored in the step's
    /// catalog (`dataset_meta.record_schema`) and every record is checked against its size.
    public func declareRecordSchema(_ schema: RecordSchema) throws {
        guard let catalog = writer.catalog else {
            throw PretextError(.invalidConfiguration, "\(stage): the task's catalog part is not open")
        }
        try catalog.setRecordSchema(schema)
        recordSchema = schema
    }

    /// Writes one binary record of the stage's output (an `examples` shard; no catalog row).
    ///
    /// - Throws: `.invalidConfiguration` when no schema was declared or the record is not of
    ///   its size.
    public func writeRecord(_ record: UnsafeRawBufferPointer) throws {
        guard let size = recordSchema?.recordBytes, record.count == size else {
            let expected = recordSchema?.recordBytes.map { "\($0) bytes" } ?? "a declared fixed-size record schema"
            throw PretextError(
                .invalidConfiguration, "\(stage): a record of \(record.count) bytes; the output needs \(expected)")
        }
        try writer.addRecord(record)
    }

    /// Writes a kept document as one variable-length binary record with its catalog row
    /// (located in the `examples` shard).
    ///
    /// - Throws: `.invalidConfiguration` when no variable-length schema was declared.
    public func keepRecord(_ record: UnsafeRawBufferPointer, row: DocumentRow) throws {
        guard let schema = recordSchema, schema.recordBytes == nil, record.count >= schema.fixedBytes else {
            throw PretextError(
                .invalidConfiguration, "\(stage): a record with a row needs a declared variable-length record schema")
        }
        try keep(record: record, row: row)
    }

    /// Adds the catalog part's columns for the row's signals not seen before (typed by the
    /// first value seen; NULL values add nothing).
    private func ensureColumns(of row: DocumentRow) throws {
        for signal in row.signals where !knownColumns.contains(signal.name) {
            let type: String
            switch signal.value {
            case .null: continue
            case .integer: type = "INTEGER"
            case .real: type = "REAL"
            case .text: type = "TEXT"
            case .blob: type = "BLOB"
            }
            guard let catalog = writer.catalog else {
                throw PretextError(.catalog, "\(stage): the task's catalog part is not open")
            }
            try catalog.ensureColumn(table: "documents", name: signal.name, type: type)
            knownColumns.insert(signal.name)
        }
    }

    /// Counts one input document passed on as the records written for it (possibly none).
    public func keepConverted() {
        documentsIn += 1
        kept += 1
    }

    /// Writes a rejected record to `rejects/` with its drop row.
    public func reject(record: UnsafeRawBufferPointer, drop: DropRow) throws {
        try writer.addReject(record: record, drop: drop)
        documentsIn += 1
        rejected += 1
    }

    /// Records a problem with a whole input (no record to keep), such as an unreadable file.
    public func dropFile(_ drop: DropRow) throws {
        try writer.addDrop(drop)
        fileDrops += 1
    }

    /// Stores `bytes` as a result of this task in the step's work area (phase `phase`, file
    /// `name`), for the step's end to merge (`StageFinishing`); the runner writes this task's
    /// manifest of the phase when `run` returns.
    ///
    /// - Throws: `.invalidConfiguration` for a stage without a work area (not a `PhasedStage`).
    public func writeResult(_ bytes: [UInt8], phase: String, name: String) throws {
        let work = try requiredWork
        try work.createDirectory(of: phase)
        results[phase, default: []].append(try work.writeBlob(bytes, phase: phase, name: name, rank: rank))
    }

    /// The work area, which a phased stage's tasks always have.
    ///
    /// - Throws: `.invalidConfiguration` when the task runs without one (not a `PhasedStage`).
    public var requiredWork: WorkArea {
        get throws {
            guard let work else {
                throw PretextError(.invalidConfiguration, "\(stage): run without its phases (no work area)")
            }
            return work
        }
    }

    /// Counts one document read, with the bytes of its text and the input bytes on disk read
    /// since the last call, for the progress line (shown within a tenth of a second).
    public func countRead(textBytes: Int, inputBytes: Int64 = 0) {
        meter.count(textBytes: textBytes, inputBytes: inputBytes)
    }

    /// Counts input bytes on disk read without a document (a file's end, a finished shard).
    public func countInput(bytes: Int64) {
        meter.count(documents: 0, textBytes: 0, inputBytes: bytes)
    }

    /// Hands the counts not yet shown to the progress line (at the end of a file or shard).
    public func flushProgress() {
        meter.flush()
    }

    /// Counts a finished input file (or shard) of `bytes` bytes on disk; `files: 0` for a
    /// part of a file or shard read in pieces (counted with its first piece).
    public func finishedInput(bytes: Int64, files: Int = 1) {
        filesIn += files
        bytesIn += bytes
    }

    /// The counts to store in `runs` when the task finishes.
    public var counts: RunCounts {
        RunCounts(docsIn: documentsIn, docsOut: kept, docsRejected: rejected, filesIn: filesIn, bytesIn: Int(bytesIn))
    }
}
