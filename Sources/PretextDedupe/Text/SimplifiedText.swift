/// A document after `DedupeTextSimplifier`: the simplified text (what exact dedupe hashes)
/// and its tokens (what MinHash shingles).
///
/// `tokenText` holds the tokens separated by single spaces, so an n-gram of tokens is one
/// contiguous byte range: `tokenStarts[i]..<tokenEnds[i + n - 1]`. Every Chinese or Japanese
/// character (Han, kana) is a token of its own; other tokens are whitespace-separated words.
public struct SimplifiedText: Sendable {
    /// The simplified text.
    public var text: [UInt8] = []
    /// The tokens joined by single spaces.
    public var tokenText: [UInt8] = []
    /// Where each token starts in `tokenText`.
    public var tokenStarts: [Int32] = []
    /// Where each token ends in `tokenText`.
    public var tokenEnds: [Int32] = []
    /// How many tokens are single CJK characters.
    public var cjkTokens = 0

    /// An empty value whose buffers are reused by the simplifier.
    public init() {}

    /// The number of tokens.
    public var tokenCount: Int { tokenStarts.count }

    /// Whether most tokens are CJK characters (the document is shingled by characters).
    public var isMostlyCJK: Bool { cjkTokens * 2 > tokenStarts.count }

    mutating func removeAll() {
        text.removeAll(keepingCapacity: true)
        tokenText.removeAll(keepingCapacity: true)
        tokenStarts.removeAll(keepingCapacity: true)
        tokenEnds.removeAll(keepingCapacity: true)
        cjkTokens = 0
    }
}
