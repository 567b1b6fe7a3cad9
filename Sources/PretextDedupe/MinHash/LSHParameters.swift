#if canImport(Glibc)
import Glibc
#endif

/// The shape of MinHash LSH: `bands` bands of `rows` hashes each.
///
/// A pair with Jaccard similarity `s` shares at least one band with probability
/// `P(s) = 1 − (1 − s^rows)^bands`, an S-curve whose steepest point is near
/// `(1/bands)^(1/rows)`: 14 × 8 (datatrove's default) puts it at 0.72.
public struct LSHParameters: Sendable, Hashable {
    /// Bands (independent chances to collide).
    public let bands: Int
    /// Hashes per band (all must agree).
    public let rows: Int

    /// Creates a shape.
    public init(bands: Int, rows: Int) {
        self.bands = max(1, bands)
        self.rows = max(1, rows)
    }

    /// datatrove's default: 14 bands × 8 rows.
    public static let datatrove = LSHParameters(bands: 14, rows: 8)

    /// The number of hash functions, `bands × rows`.
    public var hashCount: Int { bands * rows }

    /// The approximate similarity threshold, `(1/bands)^(1/rows)`.
    public var threshold: Double { pow(1 / Double(bands), 1 / Double(rows)) }

    /// The probability that a pair with Jaccard similarity `similarity` becomes a candidate.
    public func probability(similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }

    /// The shape with at most `hashCount` hashes that best separates pairs above and below
    /// `threshold`: it minimizes the weighted false-positive area `∫₀ᵗ P(s) ds` plus the
    /// false-negative area `∫ₜ¹ 1 − P(s) ds` (datasketch's `optimal_param` criterion, equal
    /// weights by default).
    public static func optimal(
        threshold: Double, hashCount: Int, falsePositiveWeight: Double = 0.5, falseNegativeWeight: Double = 0.5
    ) -> LSHParameters {
        var best = LSHParameters(bands: 1, rows: 1)
        var bestError = Double.infinity
        for bands in 1...max(1, hashCount) {
            for rows in 1...max(1, hashCount / bands) {
                let shape = LSHParameters(bands: bands, rows: rows)
                let falsePositive = integrate(from: 0, to: threshold) { shape.probability(similarity: $0) }
                let falseNegative = integrate(from: threshold, to: 1) { 1 - shape.probability(similarity: $0) }
                let error = falsePositiveWeight * falsePositive + falseNegativeWeight * falseNegative
                if error < bestError {
                    bestError = error
                    best = shape
                }
            }
        }
        return best
    }

    /// Simpson's rule with 200 intervals (the integrands are smooth polynomials).
    private static func integrate(from lower: Double, to upper: Double, _ f: (Double) -> Double) -> Double {
        let intervals = 200
        let step = (upper - lower) / Double(intervals)
        var sum = f(lower) + f(upper)
        for index in 1..<intervals {
            sum += f(lower + Double(index) * step) * (index % 2 == 1 ? 4 : 2)
        }
        return sum * step / 3
    }
}
