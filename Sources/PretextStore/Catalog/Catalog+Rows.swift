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
        try statement.bind(row.kind, at: 3)
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
                    id: statement.int64(0), path: statement.string(1) ?? "", kind: statement.string(2) ?? "",
                    step: statement.int(3), stage: statement.string(4) ?? "", rank: statement.int(5),
                    records: statement.int(6), frames: statement.int(7), bytesRaw: statement.int(8),
                    bytesCompressed: statement.int(9), checksum: statement.string(10) ?? "",
                    frameSize: statement.isNull(11) ? nil : statement.int(11),
                    compressionLevel: statement.isNull(12) ? nil : statement.int(12)))
        }
        return rows
    }

    /// Inserts one document row at a shard location.
    public func insertDocument(_ row: DocumentRow, shardID: Int64, location: RecordLocation) throws {
        let statement = try documentInsert(signals: row.signals.map(\.name))
        defer { statement.reset() }
        try statement.bind(row.id, at: 1)
        try statement.bind(shardID, at: 2)
        try statement.bind(location.frame, at: 3)
        try statement.bind(location.offset, at: 4)
        try statement.bind(location.length, at: 5)
        try statement.bind(row.source, at: 6)
        try statement.bind(row.inputLine, at: 7)
        try statement.bind(row.bytes, at: 8)
        try statement.bind(row.chars, at: 9)
        try statement.bind(row.lang, at: 10)
        try statement.bind(row.langScore, at: 11)
        try statement.bind(row.words, at: 12)
        try statement.bind(row.sentences, at: 13)
        try statement.bind(row.lines, at: 14)
        try statement.bind(row.paragraphs, at: 15)
        try statement.bind(row.tokens, at: 16)
        try statement.bind(row.sentenceBounds, at: 17)
        try statement.bind(row.dupCluster, at: 18)
        for (offset, signal) in row.signals.enumerated() {
            try statement.bind(signal.value, at: 19 + offset)
        }
        try statement.step()
    }

    /// The cached insert statement for documents with these extra signal columns.
    private func documentInsert(signals: [String]) throws -> SQLiteStatement {
        if let last = lastDocumentInsert, last.signals == signals { return last.statement }
        let statement = try makeDocumentInsert(signals: signals)
        lastDocumentInsert = (signals, statement)
        return statement
    }

    private func makeDocumentInsert(signals: [String]) throws -> SQLiteStatement {
        for name in signals where !Self.isIdentifier(name) {
            throw PretextError(.invalidConfiguration, "'\(name)' is not a valid signal column name")
        }
        let extra = signals.map { ", " + $0 }.joined()
        let marks = String(repeating: ", ?", count: signals.count)
        return try connection.cached(
            """
            INSERT INTO documents(id, shard_id, frame, offset, length, source, input_line, bytes, chars, lang,
                lang_score, words, sentences, lines, paragraphs, tokens, sentence_bounds, dup_cluster\(extra))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?\(marks))
            """)
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
}
