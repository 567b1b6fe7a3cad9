/// A set of Unicode code points: an ASCII bitmap plus sorted ranges for the rest.
///
/// Membership is O(1) for ASCII and O(log n) otherwise; the tables are small and immutable.
struct ScalarSet: Sendable {
    private var ascii: (UInt64, UInt64) = (0, 0)
    private var lows: [UInt32] = []
    private var highs: [UInt32] = []

    /// Builds a set from closed ranges (they may overlap and come in any order).
    init(ranges: [ClosedRange<UInt32>]) {
        var wide: [ClosedRange<UInt32>] = []
        for r in ranges {
            var lo = r.lowerBound
            while lo <= r.upperBound && lo < 0x80 {
                if lo < 64 { ascii.0 |= 1 << UInt64(lo) } else { ascii.1 |= 1 << UInt64(lo - 64) }
                lo += 1
            }
            if lo <= r.upperBound { wide.append(lo...r.upperBound) }
        }
        wide.sort { $0.lowerBound < $1.lowerBound }
        for r in wide {
            if let last = highs.last, r.lowerBound <= last &+ 1 {
                highs[highs.count - 1] = max(last, r.upperBound)
            } else {
                lows.append(r.lowerBound)
                highs.append(r.upperBound)
            }
        }
    }

    /// Builds a set from single code points.
    init(_ scalars: [UInt32]) { self.init(ranges: scalars.map { $0...$0 }) }

    /// Builds a set from the code points of a string.
    init(string: String) { self.init(string.unicodeScalars.map(\.value)) }

    /// The union of two sets.
    func union(_ other: ScalarSet) -> ScalarSet {
        var r: [ClosedRange<UInt32>] = []
        for s in [self, other] {
            for c in UInt32(0)..<0x80 where s.contains(c) { r.append(c...c) }
            for i in s.lows.indices { r.append(s.lows[i]...s.highs[i]) }
        }
        return ScalarSet(ranges: r)
    }

    /// Whether the set holds `c`.
    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
        if c < 64 { return ascii.0 & (1 << UInt64(c)) != 0 }
        if c < 128 { return ascii.1 & (1 << UInt64(c - 64)) != 0 }
        var lo = 0
        var hi = lows.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if lows[mid] <= c { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 && c <= highs[lo - 1]
    }
}
