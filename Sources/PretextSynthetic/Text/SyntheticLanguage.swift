/// The language of a generated document: made-up English-like or made-up Chinese-like text.
public enum SyntheticLanguage: String, Sendable, Codable, CaseIterable {
    /// Words of ASCII syllables separated by spaces.
    case english = "en"
    /// "Words" of CJK ideographs, no spaces.
    case chinese = "zh"
}
