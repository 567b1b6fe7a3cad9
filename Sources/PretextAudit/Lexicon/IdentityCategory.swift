/// The kind of identity an identity term refers to.
///
/// The set is fixed because the audit reports one table per category; the groups inside a
/// category (`female`, `muslim`, `deaf`, …) are free slugs chosen by the lexicon file.
public enum IdentityCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Gender and gender identity: women, men, non-binary and transgender people.
    case gender
    /// Religion and belief, including non-belief.
    case religion
    /// Ethnicity, race and indigenous peoples.
    case ethnicity
    /// Nationality and regional identity, by demonym.
    case nationality
    /// Age groups: children and young people, older people.
    case age
    /// Disability and chronic conditions.
    case disability
    /// Sexual orientation, and same-sex relationships.
    case sexualOrientation = "sexual_orientation"

    /// The names used in lexicon files, in declaration order, for error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!  // both are cases of allCases
    }
}
