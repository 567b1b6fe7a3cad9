/// A word or phrase with the label it counts for: a pronoun and its group, an occupation
/// word and its occupation, a descriptor and the quality it names.
///
/// Labels are lowercase slugs shared across languages where the meaning is the same
/// (`nurses` and `护士` are both `nurse`), so reports can compare languages.
public struct LabeledTerm: Sendable, Hashable {
    /// The term, NFC-normalized and lowercased; words are separated by single spaces.
    public var term: String
    /// What the term counts for, a lowercase slug such as `male`, `nurse` or `competent`.
    public var label: String

    /// Creates a labeled term; `term` should already be normalized (see `LexiconTerm`).
    public init(term: String, label: String) {
        self.term = term
        self.label = label
    }
}
