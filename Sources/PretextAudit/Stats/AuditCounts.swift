/// Every count the audit reports, by name, for a whole corpus or one task's share of it
/// (an `AuditTally` counts by integer keys and turns into these); partial counts merge by
/// addition (`merge`), so ranks can count in parallel and add up exactly.
public struct AuditCounts: Sendable, Equatable, Codable {
    /// A key within a slice of the corpus (a language or a source).
    public struct Sliced: Hashable, Sendable, Codable {
        /// The slice: `lang:zh`, `source:web` or `all`.
        public var slice: String
        /// The counted key (a group, a pronoun group, a severity).
        public var key: String

        /// Creates a sliced key.
        public init(_ slice: String, _ key: String) {
            self.slice = slice
            self.key = key
        }
    }

    /// Documents per slice (key `""`).
    public var documents = CountTable<String>()
    /// Words per slice.
    public var words = CountTable<String>()
    /// Bytes per slice.
    public var bytes = CountTable<String>()
    /// Mentions of each group per slice.
    public var groupMentions = CountTable<Sliced>()
    /// Documents mentioning each group per slice.
    public var groupDocuments = CountTable<Sliced>()
    /// Pronoun mentions per group and slice.
    public var pronouns = CountTable<Sliced>()
    /// Offensive-term mentions per severity and slice.
    public var offensiveMentions = CountTable<Sliced>()
    /// Documents with at least one offensive term per slice.
    public var offensiveDocuments = CountTable<String>()
    /// PII matches per type and slice.
    public var piiMentions = CountTable<Sliced>()
    /// Documents with at least one PII match per slice.
    public var piiDocuments = CountTable<String>()
    /// Documents per length bucket (`⌊log2(bytes)⌋`) and slice.
    public var lengthBuckets = CountTable<Sliced>()
    /// Sentence co-occurrence of groups and context words (whole corpus).
    public var cooccurrence = CooccurrenceCounts()
    /// Documents per document language (slice, `un` when unknown) and lexicon applied (key:
    /// `LexiconChoice.tag`, such as `language:en`, `script:ja` or `none`).
    public var coverageDocuments = CountTable<Sliced>()
    /// Words per document language and lexicon applied, as `coverageDocuments`.
    public var coverageWords = CountTable<Sliced>()

    /// Empty counts.
    public init() {}

    /// Adds every count of `other`.
    public mutating func merge(_ other: AuditCounts) {
        documents.merge(other.documents)
        words.merge(other.words)
        bytes.merge(other.bytes)
        groupMentions.merge(other.groupMentions)
        groupDocuments.merge(other.groupDocuments)
        pronouns.merge(other.pronouns)
        offensiveMentions.merge(other.offensiveMentions)
        offensiveDocuments.merge(other.offensiveDocuments)
        piiMentions.merge(other.piiMentions)
        piiDocuments.merge(other.piiDocuments)
        lengthBuckets.merge(other.lengthBuckets)
        cooccurrence.merge(other.cooccurrence)
        coverageDocuments.merge(other.coverageDocuments)
        coverageWords.merge(other.coverageWords)
    }

    /// Mentions of `group` per million words in `slice`.
    public func perMillionWords(group: String, slice: String = "all") -> Double {
        let total = words[slice]
        return total > 0 ? Double(groupMentions[Sliced(slice, group)]) * 1_000_000 / Double(total) : 0
    }

    /// The share of documents in `slice` that mention `group`.
    public func documentFrequency(group: String, slice: String = "all") -> Double {
        let total = documents[slice]
        return total > 0 ? Double(groupDocuments[Sliced(slice, group)]) / Double(total) : 0
    }

    /// `pronouns[a] / pronouns[b]` in `slice` (`nil` when `b` never occurs).
    public func pronounRatio(_ a: String, to b: String, slice: String = "all") -> Double? {
        let denominator = pronouns[Sliced(slice, b)]
        return denominator > 0 ? Double(pronouns[Sliced(slice, a)]) / Double(denominator) : nil
    }
}
