/// What a lexicon term stands for in the audit, by `AuditKeys` key: a term can play several
/// roles (a word that is both a descriptor and an offensive term).
enum TermRole: Sendable, Hashable {
    /// An identity group.
    case identity(Int32)
    /// A pronoun group (`female`, `male`, `neutral`).
    case pronoun(Int32)
    /// A context word: an occupation or a descriptor.
    case context(Int32)
    /// An offensive term, by severity.
    case offensive(Int32)
}
