import PretextStore

/// One document shard of an input dataset: the unit of work of a document stage.
public struct ShardUnit: StageUnit {
    /// The input dataset.
    public let dataset: Dataset
    /// The shard's path relative to the dataset root (`shards/01-ingest-r00000-00000.jsonl.zst`).
    public let path: String
    /// The shard's id in the input catalog.
    public let shardID: Int64
    /// The shard's compressed size, for balancing.
    public let bytes: Int64

    /// The shard's relative path.
    public var key: String { path }
}
