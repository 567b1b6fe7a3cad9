import PretextCore

extension Catalog {
    /// Inserts one document row at a shard location.
    public func insertDocument(_ row: DocumentRow, shardID: Int64, location: RecordLocation) throws {
        let statement = try documentInsert(signals: row.signals)
        defer { statement.reset() }
        let fields = DocumentColumns.insertedFields
        for index in fields.indices {
            try fields[index].bind(row, shardID: shardID, location: location, to: statement, at: index + 1)
        }
        let first = fields.count + 1
        for (offset, signal) in row.signals.enumerated() {
            try statement.bind(signal.value, at: first + offset)
        }
        try statement.step()
    }

    /// The cached insert statement for documents with the signal columns of `signals` (rows
    /// of one stage share it; comparing names allocates nothing).
    private func documentInsert(signals: [Signal]) throws -> SQLiteStatement {
        if let last = lastDocumentInsert, last.signals.elementsEqual(signals, by: { $0 == $1.name }) {
            return last.statement
        }
        let signals = signals.map(\.name)
        for name in signals where !Self.isIdentifier(name) {
            throw PretextError(.invalidConfiguration, "'\(name)' is not a valid signal column name")
        }
        let names = DocumentColumns.inserted.map(\.name) + signals
        let marks = Array(repeating: "?", count: names.count).joined(separator: ", ")
        let statement = try connection.cached(
            "INSERT INTO documents(\(names.joined(separator: ", "))) VALUES (\(marks))")
        lastDocumentInsert = (signals, statement)
        return statement
    }

    /// The rows of shard `shardID`'s documents in storage order (of its frames `frames` only,
    /// when given), with every column, or only those whose name passes `columns` (plus the
    /// record's location): reading fewer columns is faster.
    public func documentRows(
        shard shardID: Int64, frames: Range<Int>? = nil, columns: ((String) -> Bool)? = nil
    ) throws -> DocumentRowCursor {
        try DocumentRowCursor(catalog: self, shardID: shardID, frames: frames, columns: columns)
    }

    /// The id of the document with rowid `rowID`, or `nil` when there is none.
    public func documentID(rowID: Int64) throws -> String? {
        let statement = try connection.cached("SELECT id FROM documents WHERE rowid = ?")
        defer { statement.reset() }
        try statement.bind(rowID, at: 1)
        return try statement.step() ? statement.value(0).description : nil
    }

    /// The language (`lang`) of the document `id`: `nil` when there is no such document or it
    /// has no language (the audit's lexicon for a document a later step dropped).
    public func documentLanguage(id: String) throws -> String? {
        let statement = try connection.cached("SELECT lang FROM documents WHERE id = ? LIMIT 1")
        defer { statement.reset() }
        try statement.bind(id, at: 1)
        return try statement.step() ? statement.string(0) : nil
    }

    /// The rowids of the documents matching `condition`, an SQL expression over the
    /// `documents` columns.
    ///
    /// - Throws: `.catalog` when SQLite refuses the condition.
    public func documentRowIDs(where condition: String) throws -> Set<Int64> {
        let statement = try connection.prepare("SELECT rowid FROM documents WHERE (\(condition))")
        var ids: Set<Int64> = []
        while try statement.step() { ids.insert(statement.int64(0)) }
        return ids
    }

    /// The distinct sources of the documents, sorted (SQLite's byte order).
    public func documentSources() throws -> [String] {
        let statement = try connection.prepare(
            "SELECT DISTINCT source FROM documents WHERE source IS NOT NULL ORDER BY source")
        var sources: [String] = []
        while try statement.step() { sources.append(statement.value(0).description) }
        return sources
    }

    /// How many documents have each non-NULL value of the signal column `column` (such as
    /// ingest's `charset`), most first, ties by value; empty when there is no such column.
    ///
    /// - Throws: `.invalidConfiguration` when `column` is not a plain identifier.
    public func documentCounts(by column: String) throws -> [(value: String, count: Int)] {
        guard Self.isIdentifier(column) else {
            throw PretextError(.invalidConfiguration, "'\(column)' is not a column name (letters, digits, _)")
        }
        guard try connection.columns(of: "documents").contains(column) else { return [] }
        let rows = try connection.query(
            "SELECT \(column), count(*) AS n FROM documents WHERE \(column) IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1")
        return rows.rows.map { ($0[0].description, $0[1].int ?? 0) }
    }

    /// Calls `body` with every document's rowid, in the byte order of the ids (ties by rowid),
    /// through the `documents(id)` index.
    public func forEachRowIDInIDOrder(_ body: (Int64) throws -> Void) throws {
        let statement = try connection.prepare("SELECT rowid FROM documents ORDER BY id, rowid")
        while try statement.step() { try body(statement.int64(0)) }
    }
}

extension DocumentColumn.Field {
    /// Binds this column's value for `row` at `location` of shard `shardID`.
    func bind(
        _ row: DocumentRow, shardID: Int64, location: RecordLocation, to statement: SQLiteStatement, at index: Int
    ) throws {
        switch self {
        case .rowID: try statement.bind(row.rowID, at: index)
        case .id: try statement.bind(row.id, at: index)
        case .shardID: try statement.bind(shardID, at: index)
        case .frame: try statement.bind(location.frame, at: index)
        case .offset: try statement.bind(location.offset, at: index)
        case .length: try statement.bind(location.length, at: index)
        case .text(let get, _): try statement.bind(get(row), at: index)
        case .integer(let get, _): try statement.bind(get(row), at: index)
        case .real(let get, _): try statement.bind(get(row), at: index)
        case .blob(let get, _): try statement.bind(get(row), at: index)
        }
    }
}
