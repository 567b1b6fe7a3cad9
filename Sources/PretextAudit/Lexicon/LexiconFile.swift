/// The files that make up one language's lexicon, in `<directory>/<language>/`.
///
/// Every file is UTF-8 text with tab-separated columns; `#` starts a comment (at the start
/// of a line or after a space or tab) and blank lines are ignored. Only `identity.tsv` is
/// required; a missing optional file gives an empty list.
public enum LexiconFile: String, Sendable, CaseIterable {
    /// `term<TAB>category<TAB>group`: who the text talks about.
    case identity
    /// `term<TAB>group`: gendered pronouns (`male`, `female`, `neutral`, …).
    case pronouns
    /// `term<TAB>occupation`: occupation words for associations.
    case occupations
    /// `term<TAB>descriptor`: adjectives people are described with, for associations.
    case descriptors
    /// `term<TAB>severity`: profanity and insults, `mild` or `strong`.
    case offensive
    /// `category<TAB>group_a<TAB>group_b`: groups compared by the skew measure.
    case pairs
    /// `term<TAB>covers`: words that contain a shorter term but do not mean it (`他人`,
    /// "other people", is not the pronoun `他`); matched like terms, they count as nothing
    /// and hide the shorter match (the longest match wins).
    case exclusions

    /// The file name, such as `identity.tsv`.
    public var fileName: String { rawValue + ".tsv" }

    /// Whether loading fails when the file is missing.
    public var isRequired: Bool { self == .identity }

    /// The names of the columns, in order, for error messages and documentation.
    public var columns: [String] {
        switch self {
        case .identity: ["term", "category", "group"]
        case .pronouns: ["term", "group"]
        case .occupations: ["term", "occupation"]
        case .descriptors: ["term", "descriptor"]
        case .offensive: ["term", "severity"]
        case .pairs: ["category", "group_a", "group_b"]
        case .exclusions: ["term", "covers"]
        }
    }
}
