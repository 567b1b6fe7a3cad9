import PretextCore
import PretextStore
import PretextText

/// One document of a tokenized dataset, as an example generator sees it: its token ids and
/// its sentences as ranges of token positions.
public struct TokenDocument: Sendable {
    /// The document id.
    public var id: String
    /// The token ids.
    public var ids: [UInt32]
    /// Sentence ranges over `ids`, sorted, non-empty, not overlapping: from the catalog's
    /// `token_sentence_bounds` (the `tokenize` stage writes it when the input has sentence
    /// bounds); the whole document as one sentence when there are none.
    public var sentences: [Range<Int>]
    /// The document's catalog row (source, language, signals).
    public var row: DocumentRow

    /// A document of `ids` with `sentences` (the whole document when empty).
    public init(id: String, ids: [UInt32], sentences: [Range<Int>] = [], row: DocumentRow? = nil) {
        self.id = id
        self.ids = ids
        self.sentences = sentences.isEmpty && !ids.isEmpty ? [0..<ids.count] : sentences
        self.row = row ?? DocumentRow(id: id)
    }

    /// The catalog column holding sentence bounds in token positions (`SentenceBounds`
    /// encoding over token indices).
    public static let sentenceBoundsColumn = "token_sentence_bounds"

    /// The document of a token record and its row.
    ///
    /// - Throws: `PretextError(.corrupt)` when the row's token sentence bounds cannot be
    ///   decoded or leave the record.
    init(record: UnsafeRawBufferPointer, row: DocumentRow, tokens: TokenRecords) throws {
        let ids = tokens.ids(record)
        var sentences: [Range<Int>] = []
        if case .blob(let bytes)? = row.value(of: Self.sentenceBoundsColumn) {
            sentences = try SentenceBounds.decode(bytes).filter { !$0.isEmpty }
            if let last = sentences.last, last.upperBound > ids.count {
                throw PretextError(
                    .corrupt, "document \(row.id): its token sentence bounds end past its \(ids.count) tokens")
            }
        }
        self.init(id: row.id, ids: ids, sentences: sentences, row: row)
    }
}
