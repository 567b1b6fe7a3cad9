import PretextCore
import PretextStore

/// One document shard of an input dataset, or a run of its frames: the unit of work of a
/// document stage.
public struct ShardUnit: StageUnit {
    /// The input dataset.
    public let dataset: Dataset
    /// The shard's path relative to the dataset root (`shards/01-ingest-r00000-00000.jsonl.zst`).
    public let path: String
    /// The shard's id in the input catalog.
    public let shardID: Int64
    /// The shard's compressed size (or its frames'), for balancing and progress.
    public let bytes: Int64
    /// The frames read, for a shard split across tasks; `nil` for the whole shard.
    public let frames: Range<Int>?

    /// A unit for a whole shard, or for its `frames`.
    public init(dataset: Dataset, path: String, shardID: Int64, bytes: Int64, frames: Range<Int>? = nil) {
        self.dataset = dataset
        self.path = path
        self.shardID = shardID
        self.bytes = bytes
        self.frames = frames
    }

    /// The shard's relative path, then `@FIRST-END` for a run of frames.
    public var key: String {
        guard let frames else { return path }
        return "\(path)@\(frames.lowerBound)-\(frames.upperBound)"
    }

    /// Whether the unit is its whole shard.
    public var isWholeShard: Bool { frames == nil }

    /// The document shards of the input dataset, in catalog order (the plan of every stage
    /// that reads a dataset).
    ///
    /// Refuses a damaged dataset before any work: a catalog whose pages SQLite finds damaged
    /// (`Catalog.checkPages`), catalog rows that do not match the shards
    /// (`Catalog.checkRowsMatchShards`), and shard paths leaving the dataset folder or naming
    /// missing files, or files that disagree with their rows (`Dataset.openShard`).
    ///
    /// - Throws: `PretextError` when `input` is not a dataset or cannot be opened; `.corrupt`
    ///   for a damaged one.
    public static func plan(_ input: StageInput, stage: String) throws -> [ShardUnit] {
        try plan(input, stage: stage, kind: .documents)
    }

    /// The shards of `kind` of the input dataset (`examples`: the token shards of a tokenized
    /// dataset, for the example generators), checked as `plan(_:stage:)` checks them.
    public static func plan(_ input: StageInput, stage: String, kind: ShardKind) throws -> [ShardUnit] {
        guard case .dataset(let path) = input else {
            throw PretextError(
                .invalidConfiguration,
                "the \(stage) stage reads a dataset; give the output directory of an earlier stage")
        }
        let dataset = try Dataset.open(at: path)
        let catalog = try dataset.openCatalog(readOnly: true)
        try catalog.checkPages()
        try catalog.checkRowsMatchShards()
        return try catalog.shards().filter { $0.kind == kind }.map { shard in
            _ = try dataset.openShard(shard)
            return ShardUnit(
                dataset: dataset, path: shard.path, shardID: shard.id ?? 0, bytes: Int64(shard.bytesCompressed))
        }
    }
}
