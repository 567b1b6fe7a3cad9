/// The catalog fields of one document; the writer adds its shard location.
///
/// The typed fields are the fixed columns of `documents` (`DocumentColumns` maps each to its
/// column); every other column a stage adds is a `Signal`.
public struct DocumentRow: Sendable, Equatable {
    /// The document id.
    public var id: String
    /// Where it came from.
    public var source: String?
    /// The 1-based line (or record number) in the input file.
    public var inputLine: Int?
    /// UTF-8 bytes of the text.
    public var bytes: Int?
    /// Unicode scalars in the text.
    public var chars: Int?
    /// Language code.
    public var lang: String?
    /// Language score (0…1).
    public var langScore: Double?
    /// Word count.
    public var words: Int?
    /// Sentence count.
    public var sentences: Int?
    /// Line count.
    public var lines: Int?
    /// Paragraph count.
    public var paragraphs: Int?
    /// Token count.
    public var tokens: Int?
    /// Sentence boundaries (encoding defined by the stage that writes them).
    public var sentenceBounds: [UInt8]?
    /// Near-duplicate cluster id.
    public var dupCluster: Int?
    /// Extra signal columns (added with `Catalog.ensureColumn`), each name once, in order.
    public var signals: [Signal]
    /// The row's rowid in the catalog it was read from (set by readers, never written:
    /// the output catalog numbers its own rows).
    public var rowID: Int64?

    /// Creates a row.
    public init(
        id: String, source: String? = nil, inputLine: Int? = nil, bytes: Int? = nil, chars: Int? = nil,
        lang: String? = nil, langScore: Double? = nil, words: Int? = nil, sentences: Int? = nil,
        lines: Int? = nil, paragraphs: Int? = nil, tokens: Int? = nil, sentenceBounds: [UInt8]? = nil,
        dupCluster: Int? = nil, signals: [Signal] = []
    ) {
        self.id = id
        self.source = source
        self.inputLine = inputLine
        self.bytes = bytes
        self.chars = chars
        self.lang = lang
        self.langScore = langScore
        self.words = words
        self.sentences = sentences
        self.lines = lines
        self.paragraphs = paragraphs
        self.tokens = tokens
        self.sentenceBounds = sentenceBounds
        self.dupCluster = dupCluster
        self.signals = signals
    }

    /// Sets signal `name` to `value`, replacing an earlier value of the same name (a signal
    /// carried from an earlier step) in place, or adding it at the end.
    public mutating func setSignal(_ name: String, _ value: SQLValue) {
        if let index = signals.firstIndex(where: { $0.name == name }) {
            signals[index].value = value
        } else {
            signals.append(Signal(name, value))
        }
    }

    /// The value of column `name` in this row: a fixed column's field or a signal (`nil`
    /// when the row has no such column or no value).
    public func value(of name: String) -> SQLValue? {
        if let column = DocumentColumns.named(name) { return column.value(in: self) }
        return signals.first { $0.name == name }?.value
    }
}

/// A column of `documents` that a stage computed (a quality score, a PII count), with its value.
public struct Signal: Sendable, Hashable {
    /// The column name (letters, digits and `_`).
    public var name: String
    /// The value.
    public var value: SQLValue

    /// Creates a signal.
    public init(_ name: String, _ value: SQLValue) {
        self.name = name
        self.value = value
    }
}
