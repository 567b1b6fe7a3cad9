/// For each stage that dropped documents: how many documents it saw and dropped, overall and
/// among the documents mentioning each group. Mergeable by addition.
///
/// A document is either kept to the end or dropped once, by one step; so the documents step
/// `s` saw are the audited (surviving) ones plus those dropped by `s` or a later step. The
/// audit counts survivors once (`survivors`) and each step's drops (`dropped`), and derives
/// what each step saw.
public struct DropCounts: Sendable, Equatable, Codable {
    /// Surviving documents, overall (key `""`) and per group.
    public var survivors = CountTable<String>()
    /// Dropped documents per step (`NN-stage`), overall (`Sliced(step, "")`) and per group.
    public var dropped = CountTable<AuditCounts.Sliced>()

    /// Empty counts.
    public init() {}

    /// Adds every count of `other`.
    public mutating func merge(_ other: DropCounts) {
        survivors.merge(other.survivors)
        dropped.merge(other.dropped)
    }

    /// The steps that dropped documents, in order.
    public var steps: [String] {
        Set(dropped.counts.keys.map(\.slice)).sorted()
    }

    /// The disparity of `group` at `step`.
    public func disparity(group: String, step: String) -> Disparity {
        let later = steps.filter { $0 >= step }
        let seen = survivors[""] + later.reduce(0) { $0 + dropped[.init($1, "")] }
        let seenWithGroup = survivors[group] + later.reduce(0) { $0 + dropped[.init($1, group)] }
        return Disparity(
            groupDocuments: seenWithGroup, groupDropped: dropped[.init(step, group)], documents: seen,
            dropped: dropped[.init(step, "")])
    }
}
