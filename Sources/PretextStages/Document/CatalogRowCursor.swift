import PretextCore
import PretextStore

/// Reads the catalog rows of one shard's documents in storage order, as `DocumentRow`s with
/// every extra signal column carried along.
struct CatalogRowCursor {
    /// A row and where its record sits.
    struct Item {
        var row: DocumentRow
        var frame: Int
        var offset: Int
    }

    private let statement: SQLiteStatement
    private let columns: [String]
    /// The position of each fixed column in the result (by `Fixed` case), looked up once.
    private let position: [Int?]
    /// The indexes of the signal columns (every column that is not fixed).
    private let signalColumns: [Int]

    /// Columns that are locations or typed fields of `DocumentRow`, not signals.
    private enum Fixed: Int, CaseIterable {
        case rowid, id, shardID, frame, offset, length, source, inputLine, bytes, chars, lang, langScore, words
        case sentences, lines, paragraphs, tokens, sentenceBounds, dupCluster

        /// The column names, in case order.
        static let names = [
            "rowid", "id", "shard_id", "frame", "offset", "length", "source", "input_line", "bytes", "chars", "lang",
            "lang_score", "words", "sentences", "lines", "paragraphs", "tokens", "sentence_bounds", "dup_cluster",
        ]
    }

    /// A cursor over the rows of shard `shardID` (of its frames `frames` only, when given),
    /// with every column, or only those whose name passes `columns` (plus the record's
    /// location): reading fewer columns is faster.
    init(
        catalog: Catalog, shardID: Int64, frames: Range<Int>? = nil, columns wanted: ((String) -> Bool)? = nil
    ) throws {
        var selection = "*"
        if let columns = wanted {
            let names = try catalog.connection.prepare("SELECT * FROM documents LIMIT 0").columnNames
            let wanted = names.filter { $0 == "frame" || $0 == "offset" || columns($0) }
            selection = wanted.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
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
        var position = [Int?](repeating: nil, count: Fixed.allCases.count)
        var signals: [Int] = []
        for (index, name) in columns.enumerated() {
            if let fixed = Fixed.names.firstIndex(of: name) {
                position[fixed] = index
            } else {
                signals.append(index)
            }
        }
        self.position = position
        signalColumns = signals
    }

    mutating func next() throws -> Item? {
        guard try statement.step() else { return nil }
        var signals: [(name: String, value: SQLValue)] = []
        for position in signalColumns {
            let value = statement.value(position)
            if value != .null { signals.append((columns[position], value)) }
        }
        var row = DocumentRow(
            id: value(.id)?.description ?? "", source: value(.source)?.textValue,
            inputLine: value(.inputLine)?.int, bytes: value(.bytes)?.int, chars: value(.chars)?.int,
            lang: value(.lang)?.textValue, langScore: value(.langScore)?.doubleValue,
            words: value(.words)?.int, sentences: value(.sentences)?.int, lines: value(.lines)?.int,
            paragraphs: value(.paragraphs)?.int, tokens: value(.tokens)?.int,
            sentenceBounds: value(.sentenceBounds)?.blobValue, dupCluster: value(.dupCluster)?.int,
            signals: signals)
        row.rowID = value(.rowid)?.int64
        return Item(row: row, frame: value(.frame)?.int ?? -1, offset: value(.offset)?.int ?? -1)
    }

    /// The value of a fixed column of the current row (`nil` when the catalog has no such column).
    private func value(_ column: Fixed) -> SQLValue? {
        position[column.rawValue].map { statement.value($0) }
    }
}

extension SQLValue {
    fileprivate var textValue: String? {
        if case .text(let text) = self { return text }
        return nil
    }

    fileprivate var doubleValue: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }

    fileprivate var blobValue: [UInt8]? {
        if case .blob(let bytes) = self { return bytes }
        return nil
    }
}
