/// What a lexicon term stands for in the audit: a term can play several roles (a word that is
/// both a descriptor and an offensive term).
enum TermRole: Sendable, Hashable {
    /// An identity group, as `category/group`.
    case identity(String)
    /// A pronoun group (`female`, `male`, `neutral`).
    case pronoun(String)
    /// An occupation, by its key.
    case occupation(String)
    /// A descriptor, by its key.
    case descriptor(String)
    /// An offensive term, by severity.
    case offensive(String)
}
