import PretextCore

/// The catalog rows of one shard's documents in storage order (frame, offset), as
/// `DocumentRow`s with every signal column carried along; from `Catalog.documentRows`.
///
/// Fixed columns fill the row's fields (`DocumentColumns`); every other non-NULL column is a
/// signal. Not thread safe; use on the catalog's thread.
public struct DocumentRowCursor {
    /// A row and where its record sits.
    public struct Item {
        /// The row, with `rowID` set.
        public var row: DocumentRow
        /// The record's frame in the shard (-1 when the column was not read).
        public var frame: Int
        /// The record's offset in the frame (-1 when the column was not read).
        public var offset: Int
        /// The record's length in bytes (-1 when the column was not read).
        public var length: Int
    }

    private let statement: SQLiteStatement
    private let columns: [String]
    /// The fixed column of each result column, or `nil` for a signal.
    private let fixed: [DocumentColumn?]

    init(catalog: Catalog, shardID: Int64, frames: Range<Int>?, columns wanted: ((String) -> Bool)?) throws {
        var selection = "*"
        if let wanted {
            let names = try catalog.connection.columns(of: "documents")
            selection = names.filter { $0 == "frame" || $0 == "offset" || $0 == "length" || wanted($0) }
                .map(SQLiteConnection.quotedIdentifier)
                .joined(separator: ", ")
        }
        let range = frames == nil ? "" : " AND frame >= ? AND frame < ?"
        statement = try catalog.connection.prepare(
            "SELECT \(selection) FROM documents WHERE shard_id = ?\(range) ORDER BY frame, offset")
        try statement.bind(shardID, at: 1)
        if let frames {
            try statement.bind(Int64(frames.lowerBound), at: 2)
            try statement.bind(Int64(frames.upperBound), at: 3)
        }
        columns = statement.columnNames
        fixed = columns.map(DocumentColumns.named)
    }

    /// The next row, or `nil` after the last.
    public mutating func next() throws -> Item? {
        guard try statement.step() else { return nil }
        var row = DocumentRow(id: "")
        var frame = -1
        var offset = -1
        var length = -1
        for index in columns.indices {
            let value = statement.value(index)
            guard let column = fixed[index] else {
                if value != .null { row.signals.append(Signal(columns[index], value)) }
                continue
            }
            switch column.field {
            case .frame: frame = value.int ?? -1
            case .offset: offset = value.int ?? -1
            case .length: length = value.int ?? -1
            default: column.set(value, in: &row)
            }
        }
        return Item(row: row, frame: frame, offset: offset, length: length)
    }
}
