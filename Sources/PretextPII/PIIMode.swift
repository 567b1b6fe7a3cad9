import PretextCore

/// What `PIIDetector.apply` does with the personal data it finds.
///
/// The raw value is the name used in pipeline files (`mode: replace`).
public enum PIIMode: String, Sendable, Hashable, CaseIterable, OptionChoice {
    /// Count matches per type; the text passes through unchanged.
    case count
    /// Replace each match with a placeholder of its type (`PIIPlaceholders`).
    case replace
    /// Remove each match, or put a fixed mask in its place (`PIIRedaction`).
    case redact
}
