#if canImport(Glibc)
import Glibc
#endif

/// Whether a filter dropped documents mentioning a group more (or less) often than the rest.
///
/// For a stage that saw `n` documents and dropped `d`, of which `n_g` mentioned the group and
/// `d_g` of those were dropped: the group's drop rate `p_g = d_g / n_g` against the rate
/// among the other documents `p_r = (d − d_g) / (n − n_g)`, their difference with a 95 %
/// Wald interval `Δ ± 1.96 · √(p_g(1 − p_g)/n_g + p_r(1 − p_r)/n_r)`, the pooled two-proportion
/// z statistic and its two-sided p-value. The difference is flagged when the interval excludes
/// 0 and the pooled test agrees (p < 0.05); with many groups and stages, read flags as leads
/// (no multiple-comparison correction), and small groups (n_g < 30) are never flagged.
public struct Disparity: Sendable, Equatable {
    /// The fewest documents mentioning a group for its difference to be flagged.
    public static let minimumGroupDocuments = 30

    /// Documents the stage saw that mention the group.
    public var groupDocuments: Int
    /// Of those, the ones it dropped.
    public var groupDropped: Int
    /// All documents the stage saw.
    public var documents: Int
    /// All documents it dropped.
    public var dropped: Int

    /// Creates the comparison.
    public init(groupDocuments: Int, groupDropped: Int, documents: Int, dropped: Int) {
        self.groupDocuments = groupDocuments
        self.groupDropped = groupDropped
        self.documents = documents
        self.dropped = dropped
    }

    /// The drop rate among documents mentioning the group.
    public var groupRate: Double { rate(groupDropped, groupDocuments) }
    /// The drop rate over all documents (the corpus baseline).
    public var baselineRate: Double { rate(dropped, documents) }
    /// The drop rate among documents not mentioning the group.
    public var restRate: Double { rate(dropped - groupDropped, documents - groupDocuments) }

    /// `groupRate − restRate`.
    public var difference: Double { groupRate - restRate }

    /// The 95 % Wald interval of `difference`.
    public var interval: ClosedRange<Double> {
        let rest = documents - groupDocuments
        guard groupDocuments > 0, rest > 0 else { return -1...1 }
        let (p1, p2) = (groupRate, restRate)
        let error = 1.96 * (p1 * (1 - p1) / Double(groupDocuments) + p2 * (1 - p2) / Double(rest)).squareRoot()
        return (difference - error)...(difference + error)
    }

    /// The pooled two-proportion z statistic (0 when undefined).
    public var z: Double {
        let rest = documents - groupDocuments
        guard groupDocuments > 0, rest > 0 else { return 0 }
        let pooled = baselineRate
        let error = (pooled * (1 - pooled) * (1 / Double(groupDocuments) + 1 / Double(rest))).squareRoot()
        return error > 0 ? difference / error : 0
    }

    /// The two-sided p-value of `z` under the normal approximation.
    public var pValue: Double { erfc(abs(z) / 2.0.squareRoot()) }

    /// Whether the difference is flagged as significant (see the type's documentation).
    public var isFlagged: Bool {
        groupDocuments >= Self.minimumGroupDocuments && documents - groupDocuments > 0 && !interval.contains(0)
            && pValue < 0.05
    }

    private func rate(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
}
