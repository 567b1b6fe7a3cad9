import PretextCore

/// How text is simplified before it is hashed or shingled, datatrove's `simplify_text`
/// with its defaults as the reference: lowercase, digit runs (with one decimal part) to `0`,
/// punctuation to spaces, whitespace runs to one space, diacritics stripped (NFD, then every
/// nonspacing mark removed).
public struct DedupeNormalization: Sendable, Hashable {
    /// The step names accepted in pipeline files, in the order they apply.
    public static let stepNames = ["lowercase", "digits", "punctuation", "whitespace", "accents"]

    /// Lowercase (full Unicode case mapping).
    public var lowercase: Bool
    /// Replace every decimal-digit run (and one decimal part: `3.14`, `3,14`) with `0`.
    public var digits: Bool
    /// Turn datatrove's punctuation set (ASCII punctuation, C0/C1 controls, common CJK and
    /// typographic marks) into spaces.
    public var punctuation: Bool
    /// Collapse whitespace runs to one space and trim.
    public var whitespace: Bool
    /// Strip diacritics: canonical decomposition, then remove nonspacing marks (Mn).
    public var accents: Bool

    /// Creates a normalization from flags.
    public init(lowercase: Bool, digits: Bool, punctuation: Bool, whitespace: Bool, accents: Bool) {
        self.lowercase = lowercase
        self.digits = digits
        self.punctuation = punctuation
        self.whitespace = whitespace
        self.accents = accents
    }

    /// Every step (datatrove's default `TextNormConfig`).
    public static let datatrove = DedupeNormalization(
        lowercase: true, digits: true, punctuation: true, whitespace: true, accents: true)

    /// No change: text is hashed byte for byte.
    public static let none = DedupeNormalization(
        lowercase: false, digits: false, punctuation: false, whitespace: false, accents: false)

    /// A normalization from step names (`["lowercase", "whitespace"]`).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming an unknown step and listing the valid ones.
    public init(names: [String]) throws {
        for name in names where !Self.stepNames.contains(name) {
            throw PretextError(
                .invalidConfiguration,
                "unknown normalization step '\(name)'; valid steps: \(Self.stepNames.joined(separator: ", "))")
        }
        let set = Set(names)
        self.init(
            lowercase: set.contains("lowercase"), digits: set.contains("digits"),
            punctuation: set.contains("punctuation"), whitespace: set.contains("whitespace"),
            accents: set.contains("accents"))
    }

    /// The step names that are on, in order.
    public var names: [String] {
        zip(Self.stepNames, [lowercase, digits, punctuation, whitespace, accents]).filter(\.1).map(\.0)
    }
}
