/// The audit's word lists for one language: identity terms, pronouns, occupations,
/// descriptors, offensive terms and the group pairs to compare.
///
/// Every term is NFC-normalized and lowercased (`LexiconTerm.normalize`) and appears at most
/// once per list; the same term may appear in two lists (a descriptor that is also an
/// offensive term). Load one with `Lexicon.load(directory:language:)`; the file format is
/// described by `LexiconFile` and in `docs/stages/audit-lexicons.md`.
public struct Lexicon: Sendable, Hashable {
    /// The language code, the name of the lexicon's directory (`en`, `zh`).
    public var language: String
    /// Terms that mention people of an identity group, from `identity.tsv`.
    public var identity: [IdentityTerm]
    /// Gendered and neutral pronouns with their group (`male`, `female`, `neutral`, …).
    public var pronouns: [LabeledTerm]
    /// Occupation words with their occupation (`nurses` → `nurse`).
    public var occupations: [LabeledTerm]
    /// Words people are described with, with the quality they name (`lazy` → `lazy`).
    public var descriptors: [LabeledTerm]
    /// Profanity and insults with their severity.
    public var offensive: [OffensiveTerm]
    /// Pairs of groups the audit compares.
    public var pairs: [GroupPair]
    /// Words that contain a term but do not mean it, with what they cover (`exclusions.tsv`).
    public var exclusions: [LabeledTerm] = []

    /// Creates a lexicon from lists whose terms are already normalized.
    public init(
        language: String, identity: [IdentityTerm], pronouns: [LabeledTerm] = [], occupations: [LabeledTerm] = [],
        descriptors: [LabeledTerm] = [], offensive: [OffensiveTerm] = [], pairs: [GroupPair] = []
    ) {
        self.language = language
        self.identity = identity
        self.pronouns = pronouns
        self.occupations = occupations
        self.descriptors = descriptors
        self.offensive = offensive
        self.pairs = pairs
    }

    /// The groups that have identity terms, by category, each sorted.
    public var groups: [IdentityCategory: [String]] {
        var groups: [IdentityCategory: Set<String>] = [:]
        for term in identity { groups[term.category, default: []].insert(term.group) }
        return groups.mapValues { $0.sorted() }
    }
}
