import PretextCore

extension Catalog {
    /// Inserts a shard row.
    /// - Returns: the new shard id.
    @discardableResult
    public func insertShard(_ row: ShardRow) throws -> Int64 {
        let statement = try connection.cached(
            """
            INSERT INTO shards(id, path, kind, step, stage, rank, records, frames, bytes_raw, bytes_compressed,
                checksum, frame_size, compression_level, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, \(Self.nowSQL))
            """)
        defer { statement.reset() }
        try statement.bind(row.id, at: 1)
        try statement.bind(row.path, at: 2)
        try statement.bind(row.kind.name, at: 3)
        try statement.bind(row.step, at: 4)
        try statement.bind(row.stage, at: 5)
        try statement.bind(row.rank, at: 6)
        try statement.bind(row.records, at: 7)
        try statement.bind(row.frames, at: 8)
        try statement.bind(row.bytesRaw, at: 9)
        try statement.bind(row.bytesCompressed, at: 10)
        try statement.bind(row.checksum, at: 11)
        try statement.bind(row.frameSize, at: 12)
        try statement.bind(row.compressionLevel, at: 13)
        try statement.step()
        return connection.lastInsertRowID
    }

    /// Every shard row, by id.
    public func shards() throws -> [ShardRow] {
        try shardRows(where: "")
    }

    /// The document shards, by id (the units of a stage reading this dataset).
    public func documentShards() throws -> [ShardRow] {
        try shardRows(where: "WHERE kind = '\(ShardKind.documents.name)'")
    }

    /// The shard row with id `id`, if there is one.
    public func shard(id: Int64) throws -> ShardRow? {
        try shardRows(where: "WHERE id = \(id)").first
    }

    private func shardRows(where condition: String) throws -> [ShardRow] {
        let statement = try connection.prepare(
            """
            SELECT id, path, kind, step, stage, rank, records, frames, bytes_raw, bytes_compressed, checksum,
                frame_size, compression_level FROM shards \(condition) ORDER BY id
            """)
        var rows: [ShardRow] = []
        while try statement.step() {
            rows.append(
                ShardRow(
                    id: statement.int64(0), path: statement.string(1) ?? "",
                    kind: ShardKind.named(statement.string(2) ?? ""),
                    step: statement.int(3), stage: statement.string(4) ?? "", rank: statement.int(5),
                    records: statement.int(6), frames: statement.int(7), bytesRaw: statement.int(8),
                    bytesCompressed: statement.int(9), checksum: statement.string(10) ?? "",
                    frameSize: statement.isNull(11) ? nil : statement.int(11),
                    compressionLevel: statement.isNull(12) ? nil : statement.int(12)))
        }
        return rows
    }

    /// Inserts one drop row; `reject` locates the dropped record in a rejects shard.
    public func insertDrop(
        _ row: DropRow, step: Int? = nil, rank: Int? = nil, reject: (shardID: Int64, location: RecordLocation)? = nil
    ) throws {
        let statement = try connection.cached(
            """
            INSERT INTO drops(document, step, stage, rank, reason, detail, input, input_line, input_offset,
                reject_shard_id, reject_frame, reject_offset, reject_length)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        defer { statement.reset() }
        try statement.bind(row.document, at: 1)
        try statement.bind(step, at: 2)
        try statement.bind(row.stage ?? "", at: 3)
        try statement.bind(rank, at: 4)
        try statement.bind(row.reason, at: 5)
        try statement.bind(row.detail, at: 6)
        try statement.bind(row.input, at: 7)
        try statement.bind(row.inputLine, at: 8)
        try statement.bind(row.inputOffset, at: 9)
        try statement.bind(reject?.shardID, at: 10)
        try statement.bind(reject?.location.frame, at: 11)
        try statement.bind(reject?.location.offset, at: 12)
        try statement.bind(reject?.location.length, at: 13)
        try statement.step()
    }

    /// Sets a `dataset_meta` entry (e.g. an example record schema).
    public func setMeta(_ key: String, _ value: String) throws {
        try connection.run("INSERT OR REPLACE INTO dataset_meta(key, value) VALUES (?, ?)", [.text(key), .text(value)])
    }

    /// A `dataset_meta` entry.
    public func meta(_ key: String) throws -> String? {
        try connection.scalar("SELECT value FROM dataset_meta WHERE key = ?", [.text(key)])?.string
    }

    /// Records the layout of the dataset's binary records (`dataset_meta.record_schema`).
    public func setRecordSchema(_ schema: RecordSchema) throws {
        try setMeta(RecordSchema.metaKey, schema.json)
    }

    /// The layout of the dataset's binary records, or `nil` for a dataset without any.
    ///
    /// - Throws: `PretextError(.corrupt)` for a stored schema that cannot be read.
    public func recordSchema() throws -> RecordSchema? {
        try meta(RecordSchema.metaKey).map { try RecordSchema(json: $0) }
    }
}
