/// The measured detection curve of a MinHash LSH next to its theory.
///
/// A pair of similarity s becomes a candidate with probability 1 − (1 − s^r)^b for b bands of
/// r rows. Pairs are binned by similarity (bin k holds k·w ≤ s < (k+1)·w, the last bin also
/// s = 1); every non-empty bin reports its count, the fraction detected, and the theoretical
/// probability at the bin's mean similarity.
public enum DetectionCurve {
    /// One pair: its true similarity and whether the tool made it a candidate.
    public struct Sample: Sendable, Equatable {
        /// The exact Jaccard similarity.
        public var similarity: Double
        /// Whether the pair was detected.
        public var detected: Bool

        /// Creates a sample.
        public init(similarity: Double, detected: Bool) {
            self.similarity = similarity
            self.detected = detected
        }
    }

    /// One similarity bin.
    public struct Bin: Sendable, Equatable, Codable {
        /// The lowest similarity of the bin.
        public var lower: Double
        /// The similarity the bin stops below (1 for the last bin, which includes 1).
        public var upper: Double
        /// The number of pairs.
        public var count: Int
        /// The number of pairs detected.
        public var detected: Int
        /// The mean similarity of the pairs.
        public var meanSimilarity: Double
        /// detected / count.
        public var measured: Double
        /// 1 − (1 − s^r)^b at the mean similarity.
        public var theoretical: Double

        private enum CodingKeys: String, CodingKey {
            case lower, upper, count, detected, measured, theoretical
            case meanSimilarity = "mean_similarity"
        }
    }

    /// The non-empty bins of `samples` (width `width`, which must divide 1), for `bands`
    /// bands of `rows` rows.
    public static func bins(_ samples: [Sample], bands: Int, rows: Int, width: Double = 0.05) -> [Bin] {
        let binCount = Int((1 / width).rounded())
        precondition(binCount >= 1 && abs(Double(binCount) * width - 1) < 1e-9, "the width must divide 1")
        var count = [Int](repeating: 0, count: binCount)
        var detected = [Int](repeating: 0, count: binCount)
        var sum = [Double](repeating: 0, count: binCount)
        for sample in samples {
            let bin = min(max(Int(sample.similarity * Double(binCount) + 1e-9), 0), binCount - 1)
            count[bin] += 1
            detected[bin] += sample.detected ? 1 : 0
            sum[bin] += sample.similarity
        }
        return (0..<binCount).filter { count[$0] > 0 }.map { bin in
            let mean = sum[bin] / Double(count[bin])
            return Bin(
                lower: Double(bin) / Double(binCount), upper: Double(bin + 1) / Double(binCount),
                count: count[bin], detected: detected[bin], meanSimilarity: mean,
                measured: Double(detected[bin]) / Double(count[bin]),
                theoretical: probability(similarity: mean, bands: bands, rows: rows))
        }
    }

    /// 1 − (1 − s^r)^b: the probability that a pair of similarity s shares a band.
    public static func probability(similarity: Double, bands: Int, rows: Int) -> Double {
        1 - power(1 - power(similarity, rows), bands)
    }

    private static func power(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}
