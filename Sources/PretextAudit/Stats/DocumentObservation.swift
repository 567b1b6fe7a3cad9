/// What the audit found in one document, by integer keys (`AuditKeys`): the input of
/// `AuditTally`. The scanner refills one observation per document without reallocating.
public struct DocumentObservation: Sendable, Equatable {
    /// A key found in a sentence.
    public struct Mention: Sendable, Equatable {
        /// The sentence's position among the document's counted sentences.
        public var sentence: Int32
        /// The group or context-word key.
        public var key: Int32

        /// Creates a mention.
        public init(sentence: Int32, key: Int32) {
            self.sentence = sentence
            self.key = key
        }
    }

    /// One sentence, for building an observation by hand (tests, other scanners).
    public struct Sentence: Sendable, Equatable {
        /// Words in the sentence.
        public var words: Int
        /// Group keys mentioned, once per mention.
        public var groups: [Int32]
        /// Context-word keys found, once per mention.
        public var context: [Int32]

        /// Creates a sentence.
        public init(words: Int, groups: [Int32] = [], context: [Int32] = []) {
            self.words = words
            self.groups = groups
            self.context = context
        }
    }

    /// The document's language (`un` when unknown).
    public var language: String
    /// The document's source.
    public var source: String
    /// The lexicon its terms were matched against, and why (`LexiconChoice`).
    public var lexicon = LexiconChoice.none
    /// UTF-8 bytes.
    public var bytes: Int
    /// Words in the document.
    public var words = 0
    /// Sentences counted: those with words or with a group or context mention.
    public var sentences = 0
    /// Group mentions, in sentence order.
    public var groups: [Mention] = []
    /// Context-word mentions (occupations, descriptors), in sentence order.
    public var context: [Mention] = []
    /// Pronoun-group keys, once per mention.
    public var pronouns: [Int32] = []
    /// Offensive-term severity keys, once per mention.
    public var offensive: [Int32] = []
    /// PII counts above zero from the pii stage's signals (`email`, `phone`, …).
    public var pii: [(type: String, count: Int)] = []

    /// An observation of a document with no words yet.
    public init(language: String, source: String, bytes: Int) {
        self.language = language
        self.source = source
        self.bytes = bytes
    }

    /// An observation of `sentences`, in order.
    public init(
        language: String, source: String, bytes: Int, sentences: [Sentence], pronouns: [Int32] = [],
        offensive: [Int32] = [], pii: [(type: String, count: Int)] = []
    ) {
        self.init(language: language, source: source, bytes: bytes)
        for sentence in sentences {
            let index = Int32(self.sentences)
            self.sentences += 1
            words += sentence.words
            groups += sentence.groups.map { Mention(sentence: index, key: $0) }
            context += sentence.context.map { Mention(sentence: index, key: $0) }
        }
        self.pronouns = pronouns
        self.offensive = offensive
        self.pii = pii.filter { $0.count > 0 }
    }

    /// Empties the observation for the next document, keeping the arrays' storage.
    public mutating func reset(language: String, source: String, bytes: Int) {
        self.language = language
        self.source = source
        self.bytes = bytes
        lexicon = .none
        words = 0
        sentences = 0
        groups.removeAll(keepingCapacity: true)
        context.removeAll(keepingCapacity: true)
        pronouns.removeAll(keepingCapacity: true)
        offensive.removeAll(keepingCapacity: true)
        pii.removeAll(keepingCapacity: true)
    }

    /// The distinct group keys mentioned, in order of first mention.
    public var distinctGroups: [Int32] {
        var distinct: [Int32] = []
        for mention in groups where !distinct.contains(mention.key) { distinct.append(mention.key) }
        return distinct
    }

    public static func == (lhs: DocumentObservation, rhs: DocumentObservation) -> Bool {
        lhs.language == rhs.language && lhs.lexicon == rhs.lexicon && lhs.source == rhs.source && lhs.bytes == rhs.bytes
            && lhs.words == rhs.words && lhs.sentences == rhs.sentences && lhs.groups == rhs.groups
            && lhs.context == rhs.context && lhs.pronouns == rhs.pronouns && lhs.offensive == rhs.offensive
            && lhs.pii.map(\.type) == rhs.pii.map(\.type) && lhs.pii.map(\.count) == rhs.pii.map(\.count)
    }
}
