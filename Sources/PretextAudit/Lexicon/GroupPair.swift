/// Two groups of one category that the audit compares (the skew of occupations and
/// descriptors between them), such as `gender: female / male`.
///
/// Read from `pairs.tsv` (`category<TAB>group_a<TAB>group_b`). Both groups must have terms
/// in the same language's `identity.tsv`. A positive skew leans towards `groupA`.
public struct GroupPair: Sendable, Hashable {
    /// The category both groups belong to.
    public var category: IdentityCategory
    /// The first group (the numerator of a log-ratio).
    public var groupA: String
    /// The second group (the denominator of a log-ratio).
    public var groupB: String

    /// Creates a pair of groups of `category`.
    public init(category: IdentityCategory, groupA: String, groupB: String) {
        self.category = category
        self.groupA = groupA
        self.groupB = groupB
    }
}
