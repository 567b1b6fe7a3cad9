import PretextCore

/// Splits a total into consecutive parts whose sizes lie in a range.
///
/// Used for words into sentences, sentences into paragraphs and documents into families.
/// When `parts.upperBound >= 2 * parts.lowerBound - 1` every part lies in the range (a total
/// below the lower bound gives one short part); otherwise the last part may be short.
enum LengthSplitter {
    /// Part sizes summing to `total`, each drawn uniformly and then adjusted so that the
    /// remainder never drops below the lower bound.
    static func split(_ total: Int, into parts: ClosedRange<Int>, using rng: inout SplitMix64) -> [Int] {
        var sizes: [Int] = []
        var remaining = total
        while remaining > 0 {
            let size = nextSize(remaining: remaining, range: parts, using: &rng)
            sizes.append(size)
            remaining -= size
        }
        return sizes
    }

    /// The next part: a uniform draw, widened to take everything or shrunk to leave a full part.
    private static func nextSize(remaining: Int, range: ClosedRange<Int>, using rng: inout SplitMix64) -> Int {
        if remaining <= range.lowerBound { return remaining }
        let size = rng.int(in: range.lowerBound...min(range.upperBound, remaining))
        let rest = remaining - size
        guard rest > 0 && rest < range.lowerBound else { return size }
        if remaining <= range.upperBound { return remaining }
        return max(1, remaining - range.lowerBound)
    }
}
