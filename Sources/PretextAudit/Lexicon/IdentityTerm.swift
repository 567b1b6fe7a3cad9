/// A word or phrase that mentions people of one identity group.
///
/// Read from `identity.tsv` (`term<TAB>category<TAB>group`). Each term belongs to exactly one
/// group: "grandmother" counts for `gender/female`, not also for `age/old`.
public struct IdentityTerm: Sendable, Hashable {
    /// The term, NFC-normalized and lowercased; words are separated by single spaces.
    public var term: String
    /// The category the group belongs to.
    public var category: IdentityCategory
    /// The group within the category, a lowercase slug such as `female` or `deaf`.
    public var group: String

    /// Creates an identity term; `term` should already be normalized (see `LexiconTerm`).
    public init(term: String, category: IdentityCategory, group: String) {
        self.term = term
        self.category = category
        self.group = group
    }
}
