/// What the audit found in one document: the input of `AuditCounts.add`.
public struct DocumentObservation: Sendable, Equatable {
    /// One sentence: its word count and the keys found in it.
    public struct Sentence: Sendable, Equatable {
        /// Words in the sentence.
        public var words: Int
        /// Identity groups mentioned (`category/group`), once per mention.
        public var groups: [String]
        /// Context words found (occupations and descriptors, by their key), once per mention.
        public var context: [String]

        /// Creates a sentence.
        public init(words: Int, groups: [String] = [], context: [String] = []) {
            self.words = words
            self.groups = groups
            self.context = context
        }
    }

    /// The document's language (`un` when unknown).
    public var language: String
    /// The document's source.
    public var source: String
    /// UTF-8 bytes.
    public var bytes: Int
    /// The sentences that mention a group or a context word, in order.
    public var sentences: [Sentence]
    /// Sentences that mention neither (counted, not listed).
    public var plainSentences = 0
    /// The words of those sentences.
    public var plainWords = 0
    /// Gendered pronouns found, by their group (`female`, `male`, `neutral`), once per mention.
    public var pronouns: [String]
    /// Offensive terms found, by severity, once per mention.
    public var offensive: [String]
    /// PII counts from the pii stage's signals (`email`, `phone`, …), when present.
    public var pii: [String: Int]

    /// Creates an observation.
    public init(
        language: String, source: String, bytes: Int, sentences: [Sentence], pronouns: [String] = [],
        offensive: [String] = [], pii: [String: Int] = [:]
    ) {
        self.language = language
        self.source = source
        self.bytes = bytes
        self.sentences = sentences
        self.pronouns = pronouns
        self.offensive = offensive
        self.pii = pii
    }

    /// Words in the document.
    public var words: Int { sentences.reduce(plainWords) { $0 + $1.words } }

    /// The distinct groups the document mentions.
    public var groups: Set<String> { Set(sentences.flatMap(\.groups)) }
}
