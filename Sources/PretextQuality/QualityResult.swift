/// What one rule family found in one document.
public struct QualityResult: Sendable {
    /// Named measurements (snake_case, stable: they become catalog columns).
    public var signals: [(name: String, value: Double)]
    /// Names of the rules the document fails, in the reference's evaluation order: the first
    /// one is the drop reason datatrove would report.
    public var failed: [String]
    /// The text the family leaves in the document when it modifies text (C4 removes lines);
    /// `nil` when the family does not modify text or the document fails.
    public var modifiedText: String?

    /// Creates a result.
    public init(signals: [(name: String, value: Double)] = [], failed: [String] = [], modifiedText: String? = nil) {
        self.signals = signals
        self.failed = failed
        self.modifiedText = modifiedText
    }

    /// Whether the document passes every enabled rule.
    public var passed: Bool { failed.isEmpty }

    /// The drop reason (the first failed rule), if any.
    public var dropReason: String? { failed.first }

    /// The value of a signal by name.
    public func signal(_ name: String) -> Double? { signals.first { $0.name == name }?.value }
}
