import PretextCore
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

    /// The document shards of the input dataset, in catalog order (the plan of every stage
    /// that reads a dataset).
    ///
    /// - Throws: `PretextError` when `input` is not a dataset or cannot be opened.
    public static func plan(_ input: StageInput, stage: String) throws -> [ShardUnit] {
        guard case .dataset(let path) = input else {
            throw PretextError(
                .invalidConfiguration,
                "the \(stage) stage reads a dataset; give the output directory of an earlier stage")
        }
        let dataset = try Dataset.open(at: path)
        return try dataset.openCatalog(readOnly: true).documentShards().map { shard in
            ShardUnit(dataset: dataset, path: shard.path, shardID: shard.id ?? 0, bytes: Int64(shard.bytesCompressed))
        }
    }
}
