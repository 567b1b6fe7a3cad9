/// Sentence-level co-occurrence counts of identity groups and context words (occupations,
/// descriptors), the input of PMI and nPMI. Mergeable by addition.
///
/// Two families of counts, for the two PMI definitions (`Association`):
/// - sentences: `sentences` in all, `groupSentences[g]` containing group `g`,
///   `wordSentences[w]` containing word `w`, `pairSentences[g, w]` containing both;
/// - tokens (the data-measurements-tool variant): `tokens` in all, `groupTokens[g]` and
///   `wordTokens[w]` occurrences.
public struct CooccurrenceCounts: Sendable, Equatable, Codable {
    /// A group and a word.
    public struct Pair: Hashable, Sendable, Codable {
        /// The group key (`category/group`).
        public var group: String
        /// The context word (an occupation or descriptor key).
        public var word: String

        /// Creates a pair.
        public init(group: String, word: String) {
            self.group = group
            self.word = word
        }
    }

    /// Sentences counted.
    public var sentences = 0
    /// Words (tokens) counted.
    public var tokens = 0
    /// Sentences mentioning each group.
    public var groupSentences = CountTable<String>()
    /// Sentences mentioning each word.
    public var wordSentences = CountTable<String>()
    /// Sentences mentioning both.
    public var pairSentences = CountTable<Pair>()
    /// Occurrences of each group's terms.
    public var groupTokens = CountTable<String>()
    /// Occurrences of each word.
    public var wordTokens = CountTable<String>()

    /// Empty counts.
    public init() {}

    /// Adds every count of `other`.
    public mutating func merge(_ other: CooccurrenceCounts) {
        sentences += other.sentences
        tokens += other.tokens
        groupSentences.merge(other.groupSentences)
        wordSentences.merge(other.wordSentences)
        pairSentences.merge(other.pairSentences)
        groupTokens.merge(other.groupTokens)
        wordTokens.merge(other.wordTokens)
    }
}
