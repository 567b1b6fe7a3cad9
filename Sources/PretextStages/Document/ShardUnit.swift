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
        let catalog = try dataset.openCatalog(readOnly: true)
        let rows = try catalog.query(
            "SELECT id, path, bytes_compressed FROM shards WHERE kind = 'documents' ORDER BY id")
        return rows.rows.map { row in
            ShardUnit(
                dataset: dataset, path: row[1].description, shardID: Int64(row[0].int ?? 0),
                bytes: Int64(row[2].int ?? 0))
        }
    }
}
