import PretextCore

/// Draws of the generated corpus from PretextCore's `SplitMix64`, written out rather than
/// taken from the standard library (`Int.random(in:using:)`), so that a seed gives the same
/// corpus whatever the standard library's implementation. Every generator is seeded from the
/// corpus seed and the index of the thing being drawn (see `SeedMixer`).
extension SplitMix64 {
    /// A uniform integer in `range` (multiply-high; the bias, below count / 2^64, is
    /// negligible). Written out rather than `Int.random(in:using:)` so that the draws do not
    /// depend on the standard library's implementation.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let count = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: count).high)
    }

    /// A uniform double in `range`.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// A uniformly drawn element of a non-empty array.
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[int(in: 0...elements.count - 1)]
    }

    /// A uniform double in [0, 1).
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }
}
