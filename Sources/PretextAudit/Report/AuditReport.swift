/// The audit's figures, as written to `reports/audit.json` (schema `pretext-audit/1`,
/// documented in `docs/stages/audit.md`) and rendered by `AuditHTML`.
public struct AuditReport: Codable, Sendable, Equatable {
    /// The schema name and version.
    public var schema = "pretext-audit/1"
    /// Corpus totals and mixes.
    public var corpus: Corpus
    /// The languages audited (with a lexicon) and not.
    public var coverage: Coverage
    /// Mentions of identity groups.
    public var representation: [GroupFigures]
    /// Gendered pronouns.
    public var pronouns: Pronouns
    /// Group–word associations.
    public var associations: Associations
    /// Offensive terms and PII.
    public var content: Content
    /// Drop rates of documents mentioning each group, per step that dropped documents.
    public var disparity: [StepDisparity]

    /// Corpus totals: documents, words, bytes; documents per language and source; documents
    /// per length bucket (`⌊log2(bytes)⌋`).
    public struct Corpus: Codable, Sendable, Equatable {
        public var documents: Int
        public var words: Int
        public var bytes: Int
        public var languages: [String: Int]
        public var sources: [String: Int]
        public var lengthHistogram: [String: Int]

        enum CodingKeys: String, CodingKey {
            case documents, words, bytes, languages, sources
            case lengthHistogram = "length_histogram"
        }
    }

    /// One group's figures in one slice of the corpus.
    public struct SliceFigures: Codable, Sendable, Equatable {
        public var mentions: Int
        public var documents: Int
        public var perMillionWords: Double
        public var documentFrequency: Double

        enum CodingKeys: String, CodingKey {
            case mentions, documents
            case perMillionWords = "per_million_words"
            case documentFrequency = "document_frequency"
        }
    }

    /// One identity group: overall, by language and by source.
    public struct GroupFigures: Codable, Sendable, Equatable {
        public var category: String
        public var group: String
        public var all: SliceFigures
        public var byLanguage: [String: SliceFigures]
        public var bySource: [String: SliceFigures]

        enum CodingKeys: String, CodingKey {
            case category, group, all
            case byLanguage = "by_language"
            case bySource = "by_source"
        }
    }

    /// Pronoun counts and gendered-term mentions (the `gender` category's groups: woman,
    /// man, 女性, 男人…) with their female-to-male ratios, overall and by source.
    public struct Pronouns: Codable, Sendable, Equatable {
        /// Pronoun mentions per pronoun group.
        public var counts: [String: Int]
        /// female / male pronoun mentions (`nil` without male pronouns).
        public var femaleToMale: Double?
        /// Pronoun mentions per source and pronoun group.
        public var bySource: [String: [String: Int]]
        /// female / male pronoun mentions per source (sources with male pronouns).
        public var femaleToMaleBySource: [String: Double]
        /// Mentions of each gender group's terms.
        public var genderedTerms: [String: Int]
        /// female / male gendered-term mentions (`nil` without male terms).
        public var genderedTermsFemaleToMale: Double?
        /// female / male gendered-term mentions per source (sources with male terms).
        public var genderedTermsFemaleToMaleBySource: [String: Double]

        enum CodingKeys: String, CodingKey {
            case counts
            case femaleToMale = "female_to_male"
            case bySource = "by_source"
            case femaleToMaleBySource = "female_to_male_by_source"
            case genderedTerms = "gendered_terms"
            case genderedTermsFemaleToMale = "gendered_terms_female_to_male"
            case genderedTermsFemaleToMaleBySource = "gendered_terms_female_to_male_by_source"
        }
    }

    /// A word associated with a group.
    public struct AssociatedWord: Codable, Sendable, Equatable {
        public var word: String
        public var kind: String
        public var sentences: Int
        public var pmi: Double
        public var npmi: Double
    }

    /// A group's most associated words (by nPMI).
    public struct GroupAssociations: Codable, Sendable, Equatable {
        public var group: String
        public var sentences: Int
        public var top: [AssociatedWord]
    }

    /// An occupation's skew between the two groups of a pair.
    public struct SkewedWord: Codable, Sendable, Equatable {
        public var word: String
        public var logRatio: Double
        public var aSentences: Int
        public var bSentences: Int

        enum CodingKeys: String, CodingKey {
            case word
            case logRatio = "log_ratio"
            case aSentences = "a_sentences"
            case bSentences = "b_sentences"
        }
    }

    /// The most skewed occupations of a pair of groups.
    public struct PairSkew: Codable, Sendable, Equatable {
        public var category: String
        public var a: String
        public var b: String
        public var occupations: [SkewedWord]
    }

    /// Associations: the PMI variant, per-group top words, per-pair skews.
    public struct Associations: Codable, Sendable, Equatable {
        public var variant: String
        public var sentences: Int
        public var groups: [GroupAssociations]
        public var skew: [PairSkew]
    }

    /// Offensive-term and PII rates.
    public struct Content: Codable, Sendable, Equatable {
        /// Offensive-term mentions per severity.
        public var offensiveMentions: [String: Int]
        /// Documents with at least one offensive term.
        public var offensiveDocuments: Int
        /// Their share of the documents.
        public var offensiveDocumentRate: Double
        /// Offensive-term mentions per million words.
        public var offensivePerMillionWords: Double
        /// PII matches per type (from the pii stage's `pii_*` columns).
        public var piiMentions: [String: Int]
        /// Documents with at least one PII match.
        public var piiDocuments: Int
        /// Their share of the documents.
        public var piiDocumentRate: Double
        /// PII matches per million words.
        public var piiPerMillionWords: Double

        enum CodingKeys: String, CodingKey {
            case offensiveMentions = "offensive_mentions"
            case offensiveDocuments = "offensive_documents"
            case offensiveDocumentRate = "offensive_document_rate"
            case offensivePerMillionWords = "offensive_per_million_words"
            case piiMentions = "pii_mentions"
            case piiDocuments = "pii_documents"
            case piiDocumentRate = "pii_document_rate"
            case piiPerMillionWords = "pii_per_million_words"
        }
    }

    /// One group at one step.
    public struct GroupDisparity: Codable, Sendable, Equatable {
        public var group: String
        public var documents: Int
        public var dropped: Int
        public var rate: Double
        public var restRate: Double
        public var difference: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var z: Double
        public var pValue: Double
        public var flagged: Bool

        enum CodingKeys: String, CodingKey {
            case group, documents, dropped, rate, difference, z, flagged
            case restRate = "rest_rate"
            case ciLow = "ci_low"
            case ciHigh = "ci_high"
            case pValue = "p_value"
        }
    }

    /// One step that dropped documents.
    public struct StepDisparity: Codable, Sendable, Equatable {
        public var step: String
        public var documents: Int
        public var dropped: Int
        public var rate: Double
        public var groups: [GroupDisparity]
    }
}
