/// One way a family member differs from its family's source document.
///
/// The raw values are the names written in `truth.jsonl` (`"ops"`).
public enum VariantOperation: String, Sendable, Codable, CaseIterable {
    /// An exact copy of the source (edit rate 0, nothing else).
    case copy
    /// Word-level edits (characters for Chinese): every unit is, with probability the edit
    /// rate, substituted, preceded by an inserted unit or deleted (one of the three, uniformly).
    case edit
    /// Two paragraphs swapped (two sentences of the paragraph when there is only one).
    case reorder
    /// 1–3 boilerplate lines put before the text.
    case prepend
    /// 1–3 boilerplate lines put after the text.
    case append
}
