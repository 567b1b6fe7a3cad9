import PretextCore

/// Finds many lexicon terms in one pass over a document's UTF-8 bytes, on word boundaries.
///
/// An Aho–Corasick automaton (Aho & Corasick 1975) compiled to a dense DFA over byte classes
/// finds every occurrence of every term; `WordBoundaries` then keeps those that are whole
/// words: "man" is not found in "manager", "he" not in "the", and a Chinese term not inside
/// a longer word of ICU's dictionary segmentation. See docs/audit-matching.md.
///
/// Case: ASCII letters in the text are lowercased on the fly; other bytes are compared as
/// they are, so terms must be lowercase NFC, and text with non-ASCII capitals ("É", "Ä")
/// must be lowercased first (`TermFolding.lowercased(_:)`) to match them. Any one ASCII
/// whitespace byte in the text matches a space in a term ("new\nyork" finds "new york").
/// Apostrophes ' and ’ match each other inside terms, and separate words in the text
/// ("women's" finds "women").
///
/// Overlaps: every boundary-aligned occurrence is reported, so "new york city" finds both
/// "new york" and "york" when both are terms; the caller decides what to count.
public struct TermMatcher: Sendable {
    /// The terms, in the order given; `TermMatch.term` indexes this array.
    public let terms: [String]
    private let automaton: TermAutomaton

    /// Builds the matcher for `terms` (lowercase, NFC).
    ///
    /// Empty terms never match; a term repeated later in the array is found under its first
    /// index only. ASCII capitals in terms are lowercased.
    /// - Parameters:
    ///   - terms: The lexicon.
    ///   - wordPrefixes: Indices of terms whose end, when it is a Han, kana or Thai
    ///     character, need not be a dictionary word boundary: they also match at the start of
    ///     a longer dictionary word. ICU's dictionary joins 他 and 她 with a following 的 or
    ///     是 (他的, 她是 are one word each), so pronouns need this to be counted; 其他 still
    ///     does not contain 他, since the start must be a boundary.
    /// - Throws: `PretextError` with code `.limitExceeded` for a lexicon too large for the
    ///   table (about 2^31 / 60 ≈ 35 million trie states).
    /// - Complexity: O(S × C) time and memory (4 bytes per entry) for S trie states (about
    ///   the lexicon's total bytes) and C distinct bytes in it.
    public init(terms: [String], wordPrefixes: Set<Int> = []) throws {
        self.terms = terms
        var patterns: [(bytes: [UInt8], pattern: TermPattern)] = []
        for (index, term) in terms.enumerated() {
            for var entry in TermPattern.patterns(for: term, index: Int32(index)) {
                if wordPrefixes.contains(index), entry.pattern.trailing == .dictionary {
                    entry.pattern.trailing = .free
                }
                patterns.append(entry)
            }
        }
        automaton = try TermAutomaton(patterns: patterns)
    }

    /// The number of automaton states (a measure of the matcher's memory).
    public var stateCount: Int { automaton.stateCount }

    /// Appends to `matches` every occurrence of a term in the UTF-8 `text` that lies on word
    /// boundaries, in order of end offset (longer terms first at the same end).
    ///
    /// - Parameters:
    ///   - text: The document's UTF-8 bytes (NFC; see the type's notes on case).
    ///   - matches: Where matches are appended; not cleared first.
    ///   - boundaries: This thread's boundary checker (it segments CJK runs on demand).
    /// - Complexity: O(n + m) for n bytes and m raw occurrences, plus ICU segmentation of the
    ///   runs of CJK or Thai text that hold a match next to another such character.
    public func matches(in text: UnsafeRawBufferPointer, into matches: inout [TermMatch], boundaries: WordBoundaries) {
        boundaries.reset()
        automaton.scan(text) { id, end in
            let pattern = automaton.patterns[id]
            let range = (end - pattern.length)..<end
            if boundaries.accepts(range, pattern, in: text) {
                matches.append(TermMatch(term: pattern.term, range: range))
            }
        }
    }

    /// The matches in `text`; see `matches(in:into:boundaries:)`. Ranges are offsets into
    /// `text.utf8`.
    public func matches(in text: String, boundaries: WordBoundaries) -> [TermMatch] {
        var text = text
        var result: [TermMatch] = []
        text.withUTF8 { matches(in: UnsafeRawBufferPointer($0), into: &result, boundaries: boundaries) }
        return result
    }
}
