/// One task's share of an audit: its corpus counts and its survivors and drops. Partials
/// merge by addition into the whole corpus's figures.
public struct AuditPartial: Sendable, Equatable, Codable {
    /// The corpus counts.
    public var counts: AuditCounts
    /// Survivors and drops per step and group.
    public var drops: DropCounts

    /// A partial.
    public init(counts: AuditCounts = AuditCounts(), drops: DropCounts = DropCounts()) {
        self.counts = counts
        self.drops = drops
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: AuditPartial) {
        counts.merge(other.counts)
        drops.merge(other.drops)
    }
}
