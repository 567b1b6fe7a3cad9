import PretextCore

/// Where a record is, and which document it is.
public struct RecordAddress: Sendable, Equatable {
    /// The shard's path, relative to the dataset root.
    public var shard: String
    /// The record's place in the shard.
    public var location: RecordLocation
    /// The document id (`nil` for a reject without one).
    public var document: String?
}

/// A rejected record and why it was dropped (`Catalog.forEachRejectedDocument`).
public struct RejectedDocument: Sendable, Equatable {
    /// The reject shard's path, relative to the dataset root.
    public var shard: String
    /// The record's place in the shard.
    public var location: RecordLocation
    /// The document id (`nil` when the drop names none).
    public var document: String?
    /// The drop's reason.
    public var reason: String
    /// The drop's detail (`""` when none).
    public var detail: String
}

extension Catalog {
    /// Which records `forEachRecordLocation` lists.
    public enum RecordSet: Sendable {
        /// Documents; a condition is over the `documents` columns.
        case documents
        /// Rejected records (drops with a record in `rejects/`); a condition is over `drops`.
        case rejects
    }

    /// Calls `body` with the shard path (relative to the dataset root) and location of each
    /// record of `set` matching `condition` (an SQL expression, or every record when `nil`), in
    /// storage order (shard, frame, offset), at most `limit` of them: the reading order in which
    /// every frame is decompressed once (`pretext cat`).
    ///
    /// - Throws: `.catalog` for a condition SQLite refuses.
    public func forEachRecordLocation(
        of set: RecordSet, where condition: String? = nil, limit: Int? = nil,
        _ body: (String, RecordLocation) throws -> Void
    ) throws {
        try forEachRecord(of: set, where: condition, limit: limit) { try body($0.shard, $0.location) }
    }

    /// `forEachRecordLocation` with each record's document id (`nil` for a reject without one).
    public func forEachRecord(
        of set: RecordSet, where condition: String? = nil, limit: Int? = nil, _ body: (RecordAddress) throws -> Void
    ) throws {
        let filter = condition.map { " WHERE (\($0))" } ?? ""
        let cap = limit.map { " LIMIT \($0)" } ?? ""
        let sql =
            switch set {
            case .documents:
                "SELECT s.path, d.frame, d.offset, d.length, d.id FROM (SELECT * FROM documents\(filter)) d "
                    + "JOIN shards s ON s.id = d.shard_id ORDER BY d.shard_id, d.frame, d.offset\(cap)"
            case .rejects:
                "SELECT s.path, d.reject_frame, d.reject_offset, d.reject_length, d.document FROM "
                    + "(SELECT * FROM drops\(filter)) d JOIN shards s ON s.id = d.reject_shard_id "
                    + "ORDER BY d.reject_shard_id, d.reject_frame, d.reject_offset\(cap)"
            }
        let statement = try connection.prepare(sql)
        while try statement.step() {
            let location = RecordLocation(
                frame: statement.value(1).int ?? 0, offset: statement.value(2).int ?? 0,
                length: statement.value(3).int ?? 0)
            try body(
                RecordAddress(shard: statement.value(0).description, location: location, document: statement.string(4)))
        }
    }

    /// Calls `body` with the shard path and location of every rejected record whose drop was
    /// not made by stage `excluded`, in the order the drops were recorded.
    public func forEachRejectedRecord(
        excludingStage excluded: String, _ body: (String, RecordLocation) throws -> Void
    ) throws {
        let statement = try connection.prepare(
            """
            SELECT s.path, d.reject_frame, d.reject_offset, d.reject_length
            FROM drops d JOIN shards s ON s.id = d.reject_shard_id
            WHERE d.stage <> ? ORDER BY d.rowid
            """)
        try statement.bind(excluded, at: 1)
        while try statement.step() {
            let location = RecordLocation(
                frame: statement.value(1).int ?? 0, offset: statement.value(2).int ?? 0,
                length: statement.value(3).int ?? 0)
            try body(statement.value(0).description, location)
        }
    }

    /// The number of rejected records whose drop was not made by stage `excluded`: those
    /// `forEachRejectedDocument` visits.
    public func rejectedDocumentCount(excludingStage excluded: String) throws -> Int {
        let sql = "SELECT count(*) FROM drops d JOIN shards s ON s.id = d.reject_shard_id WHERE d.stage <> ?"
        return Int(try connection.scalar(sql, [.text(excluded)])?.int64 ?? 0)
    }

    /// Calls `body` with each rejected record whose drop was not made by stage `excluded`, with
    /// its drop (document id, reason and detail), in the order the drops were recorded; only
    /// the records at positions `range` of that order when it is given.
    public func forEachRejectedDocument(
        excludingStage excluded: String, range: Range<Int>? = nil, _ body: (RejectedDocument) throws -> Void
    )
        throws
    {
        let statement = try connection.prepare(
            """
            SELECT s.path, d.reject_frame, d.reject_offset, d.reject_length, d.document, d.reason, d.detail
            FROM drops d JOIN shards s ON s.id = d.reject_shard_id
            WHERE d.stage <> ? ORDER BY d.rowid LIMIT ? OFFSET ?
            """)
        try statement.bind(excluded, at: 1)
        try statement.bind(Int64(range?.count ?? -1), at: 2)
        try statement.bind(Int64(range?.lowerBound ?? 0), at: 3)
        while try statement.step() {
            let location = RecordLocation(
                frame: statement.value(1).int ?? 0, offset: statement.value(2).int ?? 0,
                length: statement.value(3).int ?? 0)
            try body(
                RejectedDocument(
                    shard: statement.value(0).description, location: location, document: statement.string(4),
                    reason: statement.string(5) ?? "", detail: statement.string(6) ?? ""))
        }
    }

    /// Runs one read-only SQL statement and streams its result: `header` with the column names,
    /// then `row` with each row's values (`pretext query`). Nothing can be written, attached or
    /// loaded (`SQLiteConnection.prepareReadOnlyQuery`); the connection stays in `query_only`
    /// mode afterwards.
    ///
    /// - Throws: `.invalidConfiguration` for more than one statement or one that would write;
    ///   `.catalog` for SQL that SQLite refuses.
    public func forEachRow(
        _ sql: String, header: ([String]) throws -> Void, row: ([SQLValue]) throws -> Void
    ) throws {
        let statement = try connection.prepareReadOnlyQuery(sql)
        try header(statement.columnNames)
        while try statement.step() {
            try row((0..<statement.columnCount).map(statement.value))
        }
    }
}
