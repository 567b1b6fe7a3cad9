/// One occurrence of a lexicon term in a document, found by `TermMatcher`.
public struct TermMatch: Hashable, Sendable {
    /// The term's index in the array the matcher was built from.
    public var term: Int32
    /// The occurrence's UTF-8 byte range in the text that was searched.
    public var range: Range<Int>

    /// Creates a match of term number `term` over the byte range `range`.
    public init(term: Int32, range: Range<Int>) {
        self.term = term
        self.range = range
    }
}
