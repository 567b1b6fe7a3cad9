import PretextCore

/// Draws ranks 0..<count with probability proportional to 1 / (rank + offset).
///
/// A Zipf–Mandelbrot law with exponent 1: a few words are very common, most are rare, so the
/// generated text has the rank-frequency shape of real text. Draws are a binary search in the
/// cumulative weights.
struct ZipfSampler: Sendable {
    private let cumulative: [Double]

    /// Precomputes the cumulative weights of `count` ranks.
    init(count: Int, offset: Double = 2.7) {
        precondition(count > 0, "ZipfSampler needs at least one rank")
        var total = 0.0
        cumulative = (0..<count).map { rank in
            total += 1.0 / (Double(rank) + offset)
            return total
        }
    }

    /// The number of ranks.
    var count: Int { cumulative.count }

    /// A rank, drawn with the Zipf law.
    func draw(using rng: inout SplitMix64) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
