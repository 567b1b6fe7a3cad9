/// A profanity or insult from `offensive.tsv`, with a rough severity.
public struct OffensiveTerm: Sendable, Hashable {
    /// How strong a term is: a two-level judgement, not a scale.
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        /// Mild swearing and everyday insults ("crap", "idiot").
        case mild
        /// Strong vulgarities ("fuck" and its family).
        case strong
    }

    /// The term, NFC-normalized and lowercased; words are separated by single spaces.
    public var term: String
    /// How strong the term is.
    public var severity: Severity

    /// Creates an offensive term; `term` should already be normalized (see `LexiconTerm`).
    public init(term: String, severity: Severity) {
        self.term = term
        self.severity = severity
    }
}
