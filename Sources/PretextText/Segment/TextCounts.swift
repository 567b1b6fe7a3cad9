/// Size counts of one document, as stored in the catalog's `documents` table.
///
/// Computed by `Segmenter.counts(in:)` in one call.
public struct TextCounts: Hashable, Sendable {
    /// Unicode scalars (what Python's `len(str)` counts).
    public var characters = 0
    /// Words: ICU word segments with a word status (letters, numbers, kana, ideographs), so
    /// Chinese and Japanese count dictionary words, not characters.
    public var words = 0
    /// ICU sentences that hold something other than whitespace.
    public var sentences = 0
    /// Lines, as `str.split("\n")` gives them without a final empty piece after a trailing
    /// line feed: "a\n\nb" has 3, "a\n" has 1, "" has 0.
    public var lines = 0
    /// Non-empty paragraphs: runs of lines with text, separated by one or more blank lines
    /// (empty or only whitespace).
    public var paragraphs = 0

    /// Creates counts.
    public init(characters: Int = 0, words: Int = 0, sentences: Int = 0, lines: Int = 0, paragraphs: Int = 0) {
        self.characters = characters
        self.words = words
        self.sentences = sentences
        self.lines = lines
        self.paragraphs = paragraphs
    }
}
