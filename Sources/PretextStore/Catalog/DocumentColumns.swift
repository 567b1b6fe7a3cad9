/// The fixed columns of `documents`, in table order: the one place each is spelled.
///
/// The schema (`CREATE TABLE documents` of version 1, an `ALTER TABLE` for a later column),
/// the document insert, the row cursor and `DocumentRow.value(of:)` all come from this table.
/// Adding a column is a stored property on `DocumentRow` and one entry here, with the schema
/// version that adds it (`CatalogSchema` then migrates older catalogs).
enum DocumentColumns {
    /// Every fixed column, in table order.
    static let all: [DocumentColumn] = [
        DocumentColumn("rowid", "INTEGER PRIMARY KEY", .rowID),
        DocumentColumn("id", "TEXT NOT NULL", .id),
        DocumentColumn("shard_id", "INTEGER NOT NULL REFERENCES shards(id)", .shardID),
        DocumentColumn("frame", "INTEGER NOT NULL", .frame),
        DocumentColumn("offset", "INTEGER NOT NULL", .offset),
        DocumentColumn("length", "INTEGER NOT NULL", .length),
        DocumentColumn("source", "TEXT", .text({ $0.source }, { $0.source = $1 })),
        DocumentColumn("input_line", "INTEGER", .integer({ $0.inputLine }, { $0.inputLine = $1 })),
        DocumentColumn("bytes", "INTEGER", .integer({ $0.bytes }, { $0.bytes = $1 })),
        DocumentColumn("chars", "INTEGER", .integer({ $0.chars }, { $0.chars = $1 })),
        DocumentColumn("lang", "TEXT", .text({ $0.lang }, { $0.lang = $1 })),
        DocumentColumn("lang_score", "REAL", .real({ $0.langScore }, { $0.langScore = $1 })),
        DocumentColumn("words", "INTEGER", .integer({ $0.words }, { $0.words = $1 })),
        DocumentColumn("sentences", "INTEGER", .integer({ $0.sentences }, { $0.sentences = $1 })),
        DocumentColumn("lines", "INTEGER", .integer({ $0.lines }, { $0.lines = $1 })),
        DocumentColumn("paragraphs", "INTEGER", .integer({ $0.paragraphs }, { $0.paragraphs = $1 })),
        DocumentColumn("tokens", "INTEGER", .integer({ $0.tokens }, { $0.tokens = $1 })),
        DocumentColumn("sentence_bounds", "BLOB", .blob({ $0.sentenceBounds }, { $0.sentenceBounds = $1 })),
        DocumentColumn("dup_cluster", "INTEGER", .integer({ $0.dupCluster }, { $0.dupCluster = $1 })),
    ]

    /// The columns an insert writes (all but `rowid`, which SQLite assigns), in table order.
    static let inserted = all.filter { $0.name != "rowid" }
    /// What each inserted column holds, apart for the insert loop (no names to copy per row).
    static let insertedFields = inserted.map(\.field)

    private static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The fixed column called `name`, or `nil` (a signal column).
    static func named(_ name: String) -> DocumentColumn? { byName[name] }

    /// `CREATE TABLE documents(…)` with the columns of schema `version` and earlier.
    static func createTable(version: Int) -> String {
        let lines = all.filter { $0.since <= version }.map { "    \($0.name) \($0.declaration)" }
        return "CREATE TABLE documents(\n" + lines.joined(separator: ",\n") + ");"
    }

    /// `ALTER TABLE documents ADD COLUMN …;` for each column schema `version` adds.
    static func added(inVersion version: Int) -> String {
        all.filter { $0.since == version }.map { "ALTER TABLE documents ADD COLUMN \($0.name) \($0.declaration);\n" }
            .joined()
    }
}

/// One fixed column of `documents`: its name, SQL declaration, and what it holds.
struct DocumentColumn: Sendable {
    /// What a column holds: a record location part, the rowid, or a `DocumentRow` field (read
    /// and written through closures: key paths would copy the row on every access).
    enum Field: Sendable {
        case rowID
        case id
        case shardID
        case frame
        case offset
        case length
        case text(@Sendable (DocumentRow) -> String?, @Sendable (inout DocumentRow, String?) -> Void)
        case integer(@Sendable (DocumentRow) -> Int?, @Sendable (inout DocumentRow, Int?) -> Void)
        case real(@Sendable (DocumentRow) -> Double?, @Sendable (inout DocumentRow, Double?) -> Void)
        case blob(@Sendable (DocumentRow) -> [UInt8]?, @Sendable (inout DocumentRow, [UInt8]?) -> Void)
    }

    /// The column name.
    let name: String
    /// What follows the name in `CREATE TABLE`: the type and constraints.
    let declaration: String
    /// What the column holds.
    let field: Field
    /// The schema version that added the column.
    let since: Int

    init(_ name: String, _ declaration: String, _ field: Field, since: Int = 1) {
        self.name = name
        self.declaration = declaration
        self.field = field
        self.since = since
    }

    /// The column's value in `row` (`nil` for location columns, which a row does not hold).
    func value(in row: DocumentRow) -> SQLValue? {
        switch field {
        case .rowID: row.rowID.map { .integer($0) }
        case .id: .text(row.id)
        case .shardID, .frame, .offset, .length: nil
        case .text(let get, _): SQLValue(get(row))
        case .integer(let get, _): SQLValue(get(row))
        case .real(let get, _): SQLValue(get(row))
        case .blob(let get, _): get(row).map { .blob($0) } ?? .null
        }
    }

    /// Sets the row field of this column from a value read from SQLite (values of another
    /// type read as `nil`, as the cursor always has).
    func set(_ value: SQLValue, in row: inout DocumentRow) {
        switch field {
        case .rowID: row.rowID = value.int64
        case .id: row.id = value.description
        case .shardID, .frame, .offset, .length: break
        case .text(_, let set): set(&row, value.string)
        case .integer(_, let set): set(&row, value.int)
        case .real(_, let set): set(&row, value.double)
        case .blob(_, let set): set(&row, value.blob)
        }
    }
}

extension SQLValue {
    /// The value as bytes, if it is a blob.
    var blob: [UInt8]? {
        if case .blob(let bytes) = self { return bytes }
        return nil
    }
}
