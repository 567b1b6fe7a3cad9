import PretextCore
import PretextStore

extension ExampleIndex {
    /// Indexes the examples of the dataset at `root` (opened read-only with `Dataset.open`).
    ///
    /// - Throws: as `init(dataset:)`, and `.notFound` / `.corrupt` from `Dataset.open`.
    public init(at root: String) throws {
        try self.init(dataset: Dataset.open(at: root))
    }

    /// Indexes the examples of `dataset` from its catalog and its shards' seek tables.
    ///
    /// Checks the catalog first (pages, rows against shards), then opens every `examples` shard
    /// with `Dataset.openShard` (path confined to the dataset, size, frames and bytes matching its
    /// row) and reads its seek table; no frame is decompressed.
    /// - Throws: `.invalidConfiguration` for a dataset without a record schema or with
    ///   variable-length records (the loader reads fixed-size examples); `.corrupt` naming shard
    ///   and frame for a frame that is not a whole number of records, or a shard whose records
    ///   differ from its row; the store's errors for a damaged catalog or shard.
    public init(dataset: Dataset) throws {
        let catalog = try dataset.openCatalog(readOnly: true)
        try catalog.checkPages()
        try catalog.checkRowsMatchShards()
        let schema = try Self.fixedSchema(catalog, dataset: dataset)
        let recordBytes = schema.recordBytes ?? 0
        let shards = try catalog.shards().filter { $0.kind == .examples }
        let frameRecords = try shards.map { try Self.frameRecords(of: $0, in: dataset, recordBytes: recordBytes) }
        self.init(
            dataset: dataset, schema: schema, recordBytes: recordBytes, shards: shards, frameRecords: frameRecords)
    }

    /// The dataset's record schema, which must be of fixed-size records.
    private static func fixedSchema(_ catalog: Catalog, dataset: Dataset) throws -> RecordSchema {
        guard let schema = try catalog.recordSchema() else {
            throw PretextError(
                .invalidConfiguration,
                "not an examples dataset: the catalog has no record_schema (pass the output of an examples step)",
                path: dataset.root)
        }
        guard let bytes = schema.recordBytes, bytes > 0 else {
            throw PretextError(
                .invalidConfiguration,
                "the loader reads fixed-size records, but this dataset's records are of variable length "
                    + "(\(schema.json)); pass the output of an examples step, not of tokenize",
                path: dataset.root)
        }
        return schema
    }

    /// The number of records in each frame of one shard, from its seek table.
    private static func frameRecords(of row: ShardRow, in dataset: Dataset, recordBytes: Int) throws -> [Int] {
        let reader = try dataset.openShard(row)
        let records = try (0..<reader.frameCount).map { frame in
            let size = reader.frameSize(frame)
            guard size % recordBytes == 0 else {
                throw PretextError(
                    .corrupt,
                    "frame \(frame) holds \(size) bytes, not a whole number of \(recordBytes)-byte records; "
                        + "the shard is damaged; run `pretext verify`",
                    path: reader.path)
            }
            return size / recordBytes
        }
        let total = records.reduce(0, +)
        guard total == row.records else {
            throw PretextError(
                .corrupt,
                "the shard holds \(total) records, its catalog row says \(row.records); run `pretext verify`",
                path: reader.path)
        }
        return records
    }
}
