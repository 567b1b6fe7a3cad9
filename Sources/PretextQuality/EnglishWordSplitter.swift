/// Word splitting that reproduces datatrove 0.10's English `split_into_words`.
///
/// datatrove tokenizes English with spaCy's blank English pipeline (`SpaCyTokenizer("en")`)
/// and drops whitespace tokens; sentences come from spaCy's rule-based sentencizer. This type
/// re-implements both (see `docs/stages/quality.md` for the known differences). Use it for
/// English and, as datatrove does with its whitespace fallback, other space-separated languages.
public struct EnglishWordSplitter: WordSplitter {
    /// Creates the splitter (its rule tables are shared and built once).
    public init() {}

    /// Appends spaCy's English tokens of `scalars[range]`, without whitespace tokens.
    ///
    /// - Complexity: O(n) in the range length.
    public func split(_ scalars: [UInt32], range: Range<Int>, into words: inout WordList) {
        SpacyEnglishTokenizer.shared.tokenize(scalars, range, into: &words, includeSpace: false)
    }

    /// Number of sentences spaCy's sentencizer finds in `scalars[range]`.
    public func sentenceCount(_ scalars: [UInt32], range: Range<Int>) -> Int {
        var tokens = WordList()
        SpacyEnglishTokenizer.shared.tokenize(scalars, range, into: &tokens, includeSpace: true)
        return Sentencizer.count(scalars, tokens)
    }
}
