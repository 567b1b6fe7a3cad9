import PretextCore

extension Catalog {
    /// The run row of one task, if any.
    public func run(step: Int, stage: String, rank: Int, worldSize: Int) throws -> RunRow? {
        let statement = try connection.cached(
            """
            SELECT step, stage, config_hash, rank, world_size, status, docs_in, docs_out, docs_rejected, files_in,
                bytes_in, bytes_out, started_at, finished_at
            FROM runs WHERE step = ? AND stage = ? AND rank = ? AND world_size = ?
            """)
        defer { statement.reset() }
        try statement.bind([.integer(Int64(step)), .text(stage), .integer(Int64(rank)), .integer(Int64(worldSize))])
        guard try statement.step() else { return nil }
        return Self.runRow(statement)
    }

    /// Every run row (of pipeline step `step` only, when given), ordered by step, stage and rank.
    public func runs(step: Int? = nil) throws -> [RunRow] {
        let statement = try connection.prepare(
            """
            SELECT step, stage, config_hash, rank, world_size, status, docs_in, docs_out, docs_rejected, files_in,
                bytes_in, bytes_out, started_at, finished_at
            FROM runs \(step == nil ? "" : "WHERE step = ?") ORDER BY step, stage, rank
            """)
        if let step { try statement.bind(step, at: 1) }
        var rows: [RunRow] = []
        while try statement.step() { rows.append(Self.runRow(statement)) }
        return rows
    }

    private static func runRow(_ s: SQLiteStatement) -> RunRow {
        func optional(_ index: Int) -> Int? { s.isNull(index) ? nil : s.int(index) }
        return RunRow(
            step: s.int(0), stage: s.string(1) ?? "", configHash: s.string(2) ?? "", rank: s.int(3),
            worldSize: s.int(4), status: RunStatus(rawValue: s.string(5) ?? ""), docsIn: optional(6),
            docsOut: optional(7),
            docsRejected: optional(8), filesIn: optional(9), bytesIn: optional(10), bytesOut: optional(11),
            startedAt: s.string(12), finishedAt: s.string(13))
    }

    /// Records a task as `running` (replacing an earlier row for the same task).
    public func startRun(step: Int, stage: String, rank: Int, worldSize: Int, configHash: String) throws {
        try connection.run(
            """
            INSERT OR REPLACE INTO runs(stage, step, config_hash, rank, world_size, status, started_at)
            VALUES (?, ?, ?, ?, ?, ?, \(Self.nowSQL))
            """,
            [
                .text(stage), .integer(Int64(step)), .text(configHash), .integer(Int64(rank)),
                .integer(Int64(worldSize)),
                .text(RunStatus.running.rawValue),
            ])
    }

    /// Records a task as finished with `status` (`done` or `failed`) and its counts.
    public func finishRun(
        step: Int, stage: String, rank: Int, worldSize: Int, status: RunStatus, counts: RunCounts, bytesOut: Int
    ) throws {
        try connection.run(
            """
            UPDATE runs SET status = ?, docs_in = ?, docs_out = ?, docs_rejected = ?, files_in = ?, bytes_in = ?,
                bytes_out = ?, finished_at = \(Self.nowSQL)
            WHERE step = ? AND stage = ? AND rank = ? AND world_size = ?
            """,
            [
                .text(status.rawValue), SQLValue(counts.docsIn), SQLValue(counts.docsOut),
                SQLValue(counts.docsRejected),
                SQLValue(counts.filesIn), SQLValue(counts.bytesIn), SQLValue(bytesOut), .integer(Int64(step)),
                .text(stage), .integer(Int64(rank)), .integer(Int64(worldSize)),
            ])
    }
}
