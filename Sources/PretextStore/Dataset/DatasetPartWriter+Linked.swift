import PretextCore
import _PretextFileSystem

extension DatasetPartWriter {
    /// Adds the finished document shard `shard` of the dataset `source` to this task's output
    /// unchanged, for steps that keep every document as it is and only add catalog columns:
    /// the file becomes this task's next output shard by a hard link (a copy where the file
    /// system refuses links; see `FileSystem.linkOrCopy`), then it and `rows` (its documents
    /// at their locations in it) are registered in one transaction, as a written shard is.
    ///
    /// - Throws: `.invalidConfiguration` when `rows` do not account for every record of the
    ///   shard; `.io` when the file can be neither linked nor copied.
    public func addLinkedShard(_ shard: ShardRow, of source: Dataset, rows: [(DocumentRow, RecordLocation)]) throws {
        guard rows.count == shard.records else {
            throw PretextError(
                .invalidConfiguration,
                "a linked shard keeps every record: \(rows.count) rows for \(shard.records) records",
                path: source.path(shard.path))
        }
        try closeOutput()
        let part = try requireCatalog()
        let c = configuration
        let name = naming.shardName(sequence: outputSequence, kind: c.outputKind)
        outputSequence += 1
        try FileSystem.createDirectory(dataset.shardsDirectory)
        try FileSystem.linkOrCopy(source.path(shard.path), to: dataset.path("shards/" + name))
        try FileSystem.syncDirectory(dataset.shardsDirectory)
        var row = shard
        row.id = nil
        row.path = "shards/" + name
        row.step = c.step
        row.stage = c.stage
        row.rank = c.rank
        try part.transaction {
            let id = try part.insertShard(row)
            for (document, location) in rows { try part.insertDocument(document, shardID: id, location: location) }
        }
        documentsWritten += rows.count
        bytesWritten += shard.bytesRaw
    }
}
