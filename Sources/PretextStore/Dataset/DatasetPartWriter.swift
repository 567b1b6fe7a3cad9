import PretextCore
import _PretextFileSystem

/// One task (rank) of one stage step writing its output into a dataset.
///
/// A task never shares a SQLite file with other tasks: it writes its own part catalog
/// `parts/STEP-STAGE-rRRRRR.sqlite` and its own shards `shards/STEP-STAGE-rRRRRR-SSSSS.EXT`
/// and `rejects/STEP-STAGE-rRRRRR-SSSSS.jsonl.zst`; `DatasetMerger` folds the parts into the
/// main catalog when every task is done.
///
/// Atomicity: a shard's catalog rows (the shard and its documents or drops) are inserted in
/// one transaction, committed only after the shard file is fsynced and renamed. A crash leaves
/// the whole shard registered or nothing. `begin()` skips a task already done with the same
/// configuration hash, and otherwise deletes the task's leftovers and starts over; shard
/// contents carry no timestamps, so a redone task writes byte-identical shards.
///
/// Dropping a writer before `finish` leaves its files as a crash would (the next `begin()`
/// removes them); call `fail()` to clean up after an error instead.
///
/// Memory: the catalog rows of the open shard wait in memory until it closes (a few
/// hundred bytes per document; a 64 MiB shard of 2 KiB documents holds ~32k rows).
///
/// Not thread safe: one writer per task.
public final class DatasetPartWriter {
    /// What a task writes and how.
    public struct Configuration: Sendable, Equatable {
        /// The pipeline step (0…99), the first part of every file name.
        public var step: Int
        /// The stage name (letters, digits, `_`, `-`).
        public var stage: String
        /// This task's rank.
        public var rank: Int
        /// The number of tasks.
        public var worldSize: Int
        /// A hash of the stage configuration; a done task with another hash is redone.
        public var configHash: String
        /// The kind of the main output shards (`documents` or `examples`).
        public var outputKind: ShardKind
        /// The zstd frame size bound (default 256 KiB).
        public var frameSize: Int
        /// A shard is closed once it holds this many uncompressed bytes (default 64 MiB).
        public var shardBytes: Int
        /// The default of `shardBytes`: 64 MiB.
        public static let defaultShardBytes = 64 << 20
        /// The zstd level (default 3).
        public var compressionLevel: Int

        /// Creates a configuration.
        public init(
            step: Int, stage: String, rank: Int = 0, worldSize: Int = 1, configHash: String,
            outputKind: ShardKind = .documents, frameSize: Int = ShardWriter.defaultFrameSize,
            shardBytes: Int = defaultShardBytes, compressionLevel: Int = ShardWriter.defaultCompressionLevel
        ) {
            self.step = step
            self.stage = stage
            self.rank = rank
            self.worldSize = worldSize
            self.configHash = configHash
            self.outputKind = outputKind
            self.frameSize = frameSize
            self.shardBytes = shardBytes
            self.compressionLevel = compressionLevel
        }
    }

    /// What `begin()` decided.
    public enum BeginResult: Sendable, Equatable {
        /// The task starts (fresh); write its output, then call `finish`.
        case started
        /// The task already finished with the same configuration; skip it.
        case alreadyDone
    }

    /// The dataset written to.
    public let dataset: Dataset
    /// The configuration.
    public let configuration: Configuration
    /// The part catalog, once `begin()` has started the task (for `ensureColumn`, `setMeta`).
    public private(set) var catalog: Catalog?

    /// Documents (or main-output records) written so far.
    public internal(set) var documentsWritten = 0
    /// Rejected records written so far.
    public internal(set) var rejectsWritten = 0
    /// Uncompressed bytes written to main-output shards so far.
    public internal(set) var bytesWritten = 0

    let naming: PartNaming
    var output: OpenShard<DocumentRow>?
    var rejects: OpenShard<DropRow>?
    var outputSequence = 0
    var rejectSequence = 0
    private var finished = false

    /// Creates a writer; nothing is touched until `begin()`.
    public init(dataset: Dataset, configuration: Configuration) {
        self.dataset = dataset
        self.configuration = configuration
        self.naming = PartNaming(step: configuration.step, stage: configuration.stage, rank: configuration.rank)
    }

    /// The part catalog's path.
    public var partCatalogPath: String { dataset.path(naming.partCatalog) }

    /// Starts the task, or reports that it is already done.
    /// - Throws: `.invalidConfiguration` for bad names or sizes, or when the main catalog
    ///   already holds this step's output from another configuration or world size.
    public func begin() throws -> BeginResult {
        let c = configuration
        try PartNaming.validate(step: c.step, stage: c.stage, rank: c.rank, worldSize: c.worldSize)
        guard c.shardBytes > 0, c.frameSize > 0 else {
            throw PretextError(.invalidConfiguration, "shard and frame sizes must be positive")
        }
        let status = try StepStatus(
            dataset: dataset, step: c.step, stage: c.stage, configHash: c.configHash, worldSize: c.worldSize)
        if status.conflictingRun != nil {
            throw PretextError(
                .invalidConfiguration,
                "the dataset already holds step \(c.step) (\(c.stage)) written with another configuration or world "
                    + "size; write to a fresh output directory, or run again with --overwrite to replace the step's "
                    + "dataset (RunSettings.overwrite from Swift)",
                path: dataset.root)
        }
        if status.task(c.rank) != .pending { return .alreadyDone }
        try removeLeftovers()
        let part = try Catalog(path: partCatalogPath)
        try part.startRun(step: c.step, stage: c.stage, rank: c.rank, worldSize: c.worldSize, configHash: c.configHash)
        catalog = part
        finished = false
        return .started
    }

    /// Deletes this task's part catalog and shard, reject and temporary files.
    private func removeLeftovers() throws {
        for suffix in ["", "-wal", "-shm", "-journal"] { try FileSystem.removeFile(partCatalogPath + suffix) }
        for directory in [dataset.shardsDirectory, dataset.rejectsDirectory] {
            for name in try FileSystem.listDirectory(directory) where naming.owns(fileName: name) {
                try FileSystem.removeFile(FileSystem.join(directory, name))
            }
        }
        outputSequence = 0
        rejectSequence = 0
        documentsWritten = 0
        rejectsWritten = 0
        bytesWritten = 0
    }

    /// Adds a document: its record to the current output shard, its row to the catalog when
    /// that shard is closed.
    /// - Parameters:
    ///   - record: the record bytes (a JSON line with its `\n`).
    ///   - row: the catalog fields; the writer fills shard, frame, offset and length.
    public func addDocument(record: UnsafeRawBufferPointer, row: DocumentRow) throws {
        try appendOutput(record, row: row)
    }

    /// Adds a main-output record with no document row (example shards).
    public func addRecord(_ record: UnsafeRawBufferPointer) throws {
        try appendOutput(record, row: nil)
    }

    /// Adds a rejected record to the current rejects shard, with its drop row.
    public func addReject(record: UnsafeRawBufferPointer, drop: DropRow) throws {
        let shard = try openRejects()
        let (frame, offset) = try shard.writer.append(record)
        shard.pending.append((drop, RecordLocation(frame: frame, offset: offset, length: record.count)))
        rejectsWritten += 1
        if shard.writer.bytesRaw >= configuration.shardBytes { try closeRejects() }
    }

    /// Records a drop with no record (an unreadable file, a truncated stream).
    public func addDrop(_ drop: DropRow) throws {
        let part = try requireCatalog()
        try part.insertDrop(filled(drop), step: configuration.step, rank: configuration.rank)
    }

    /// Closes the open shards and records the task as `done`.
    /// - Parameter counts: the task's counts; `docsOut` and `docsRejected` default to the
    ///   documents and rejects this writer stored.
    public func finish(counts: RunCounts) throws {
        let part = try requireCatalog()
        try closeOutput()
        try closeRejects()
        var counts = counts
        if counts.docsOut == nil { counts.docsOut = documentsWritten }
        if counts.docsRejected == nil { counts.docsRejected = rejectsWritten }
        let c = configuration
        try part.finishRun(
            step: c.step, stage: c.stage, rank: c.rank, worldSize: c.worldSize, status: .done, counts: counts,
            bytesOut: bytesWritten)
        finished = true
        catalog = nil
    }

    /// Abandons the open shards and records the task as `failed` (a later `begin()` redoes it).
    public func fail() {
        output?.writer.abandon()
        rejects?.writer.abandon()
        output = nil
        rejects = nil
        let c = configuration
        try? catalog?.finishRun(
            step: c.step, stage: c.stage, rank: c.rank, worldSize: c.worldSize, status: .failed,
            counts: RunCounts(docsIn: 0), bytesOut: bytesWritten)
        catalog = nil
    }

    func requireCatalog() throws -> Catalog {
        guard let catalog, !finished else {
            throw PretextError(
                .invalidConfiguration, "the task is not running: call begin() first (and not after finish())")
        }
        return catalog
    }

    func filled(_ drop: DropRow) -> DropRow {
        var drop = drop
        if drop.stage == nil { drop.stage = configuration.stage }
        return drop
    }
}
