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

    /// Columns that are locations or typed fields of `DocumentRow`, not signals.
    private static let fixed: Set<String> = [
        "rowid", "id", "shard_id", "frame", "offset", "length", "source", "input_line", "bytes", "chars", "lang",
        "lang_score", "words", "sentences", "lines", "paragraphs", "tokens", "sentence_bounds", "dup_cluster",
    ]

    init(catalog: Catalog, shardID: Int64) throws {
        statement = try catalog.connection.prepare(
            "SELECT * FROM documents WHERE shard_id = ? ORDER BY frame, offset")
        try statement.bind(shardID, at: 1)
        columns = statement.columnNames
    }

    mutating func next() throws -> Item? {
        guard try statement.step() else { return nil }
        var values: [String: SQLValue] = [:]
        var signals: [(name: String, value: SQLValue)] = []
        for (index, name) in columns.enumerated() {
            let value = statement.value(index)
            if Self.fixed.contains(name) {
                values[name] = value
            } else if value != .null {
                signals.append((name, value))
            }
        }
        let row = DocumentRow(
            id: values["id"]?.description ?? "", source: values["source"]?.textValue,
            inputLine: values["input_line"]?.int, bytes: values["bytes"]?.int, chars: values["chars"]?.int,
            lang: values["lang"]?.textValue, langScore: values["lang_score"]?.doubleValue,
            words: values["words"]?.int, sentences: values["sentences"]?.int, lines: values["lines"]?.int,
            paragraphs: values["paragraphs"]?.int, tokens: values["tokens"]?.int,
            sentenceBounds: values["sentence_bounds"]?.blobValue, dupCluster: values["dup_cluster"]?.int,
            signals: signals)
        return Item(row: row, frame: values["frame"]?.int ?? -1, offset: values["offset"]?.int ?? -1)
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
