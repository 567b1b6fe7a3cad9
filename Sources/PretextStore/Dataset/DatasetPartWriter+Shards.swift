import PretextCore

/// A shard being written, with the catalog rows waiting for it to close.
final class OpenShard<Row> {
    let writer: ShardWriter
    let kind: ShardKind
    let relativePath: String
    var pending: [(Row, RecordLocation)] = []

    init(writer: ShardWriter, kind: ShardKind, relativePath: String) {
        self.writer = writer
        self.kind = kind
        self.relativePath = relativePath
    }
}

extension DatasetPartWriter {
    func appendOutput(_ record: UnsafeRawBufferPointer, row: DocumentRow?) throws {
        let shard = try openOutput()
        let (frame, offset) = try shard.writer.append(record)
        if let row {
            shard.pending.append((row, RecordLocation(frame: frame, offset: offset, length: record.count)))
        }
        documentsWritten += 1
        bytesWritten += record.count
        if shard.writer.bytesRaw >= configuration.shardBytes { try closeOutput() }
    }

    func openOutput() throws -> OpenShard<DocumentRow> {
        if let output { return output }
        _ = try requireCatalog()
        let shard = try makeShard(
            kind: configuration.outputKind, directory: "shards", sequence: outputSequence, as: DocumentRow.self)
        outputSequence += 1
        output = shard
        return shard
    }

    func openRejects() throws -> OpenShard<DropRow> {
        if let rejects { return rejects }
        _ = try requireCatalog()
        let shard = try makeShard(kind: .rejects, directory: "rejects", sequence: rejectSequence, as: DropRow.self)
        rejectSequence += 1
        rejects = shard
        return shard
    }

    private func makeShard<Row>(
        kind: ShardKind, directory: String, sequence: Int, as: Row.Type
    ) throws -> OpenShard<Row> {
        let name = naming.shardName(sequence: sequence, kind: kind)
        let writer = try ShardWriter(
            directory: dataset.path(directory), name: name, frameSize: configuration.frameSize,
            compressionLevel: configuration.compressionLevel)
        return OpenShard(writer: writer, kind: kind, relativePath: directory + "/" + name)
    }

    /// Finishes the output shard (fsync + rename), then registers it and its documents in
    /// one transaction.
    func closeOutput() throws {
        guard let shard = output else { return }
        output = nil
        let part = try requireCatalog()
        let row = try finishShard(shard)
        try part.transaction {
            let id = try part.insertShard(row)
            for (document, location) in shard.pending {
                try part.insertDocument(document, shardID: id, location: location)
            }
        }
    }

    /// Finishes the rejects shard, then registers it and its drops in one transaction.
    func closeRejects() throws {
        guard let shard = rejects else { return }
        rejects = nil
        let part = try requireCatalog()
        let row = try finishShard(shard)
        try part.transaction {
            let id = try part.insertShard(row)
            for (drop, location) in shard.pending {
                try part.insertDrop(
                    filled(drop), step: configuration.step, rank: configuration.rank, reject: (id, location))
            }
        }
    }

    private func finishShard<Row>(_ shard: OpenShard<Row>) throws -> ShardRow {
        let summary = try shard.writer.finish()
        let c = configuration
        return ShardRow(
            path: shard.relativePath, kind: shard.kind, step: c.step, stage: c.stage, rank: c.rank,
            records: summary.records, frames: summary.frames, bytesRaw: summary.bytesRaw,
            bytesCompressed: summary.bytesCompressed, checksum: summary.checksumHex, frameSize: c.frameSize,
            compressionLevel: c.compressionLevel)
    }
}
