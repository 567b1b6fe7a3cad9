#if canImport(Glibc)
import Glibc
#endif

/// A counting Bloom filter: `m` saturating 8-bit counters and `k` hash positions per item, so
/// that the count of an item is estimated as the minimum of its `k` counters.
///
/// Every insertion adds one to each of the item's counters (no conservative update), so a
/// counter is the number of insertions that hit it, capped at `maximumCount`. Two filters of
/// the same shape merge by saturating addition, which is associative and commutative: the
/// merged counters do not depend on how the items were split over filters, only on which
/// items were inserted. The estimate never falls below the true count (up to the cap); it
/// is above it when every one of an item's counters was also hit by other items, which for
/// an item inserted once happens with about the false-positive probability the shape was
/// sized for.
///
/// Positions come from one 64-bit hash by double hashing (Kirsch–Mitzenmacher):
/// `h₁ + i·h₂` for `i` in `0..<k`, mapped onto `0..<m` by a multiply-high.
public struct CountingBloomFilter: Sendable, Equatable {
    /// The number of counters and hash positions of a filter.
    public struct Shape: Sendable, Hashable {
        /// Counters per block: filters are split and stored in blocks of this many counters.
        public static let blockSize = 64

        /// The number of counters `m`, a multiple of `blockSize`.
        public let counters: Int
        /// The number of hash positions `k` per item.
        public let hashes: Int

        /// A shape of at least `counters` counters (rounded up to whole blocks) and `hashes`
        /// positions (at least one).
        public init(counters: Int, hashes: Int) {
            let blocks = max(1, (counters + Self.blockSize - 1) / Self.blockSize)
            self.counters = blocks * Self.blockSize
            self.hashes = max(1, hashes)
        }

        /// The classic optimal shape for `items` distinct items at false-positive rate `p`:
        /// `m = −n·ln p / (ln 2)²` counters and `k = (m/n)·ln 2` positions (rounded, at least 1),
        /// with `m` computed before it is rounded up to whole blocks.
        public static func optimal(items: Int, falsePositiveRate p: Double) -> Shape {
            let n = Double(max(1, items))
            let rate = min(max(p, 1e-12), 0.5)
            let m = (-n * log(rate) / (log(2) * log(2))).rounded(.up)
            let k = (m / n * log(2)).rounded()
            return Shape(counters: Int(m), hashes: Int(k))
        }

        /// The number of blocks.
        public var blocks: Int { counters / Self.blockSize }

        /// The blocks of part `part` of `parts` equal parts (the last ones may be one block
        /// shorter); the parts cover `0..<blocks` in order.
        public func blockRange(part: Int, of parts: Int) -> Range<Int> {
            let parts = max(1, parts)
            return (part * blocks / parts)..<((part + 1) * blocks / parts)
        }
    }

    /// The largest value a counter holds; counts above it are read as this value.
    public static let maximumCount = Int(UInt8.max)

    /// The filter's shape.
    public let shape: Shape
    /// The counters, `shape.counters` of them.
    public private(set) var counters: [UInt8]

    /// An empty filter.
    public init(shape: Shape) {
        self.shape = shape
        counters = [UInt8](repeating: 0, count: shape.counters)
    }

    /// A filter with the given counters.
    ///
    /// - Returns: `nil` when `counters` does not hold exactly `shape.counters` values.
    public init?(shape: Shape, counters: [UInt8]) {
        guard counters.count == shape.counters else { return nil }
        self.shape = shape
        self.counters = counters
    }

    /// Counts one occurrence of the item with hash `hash`.
    public mutating func insert(_ hash: UInt64) {
        let shape = shape
        counters.withUnsafeMutableBufferPointer { counters in
            Self.forEachPosition(of: hash, in: shape) { position in
                // `position < shape.counters == counters.count` (multiply-high of a value below 2⁶⁴).
                if counters[position] != UInt8.max { counters[position] += 1 }
            }
        }
    }

    /// The estimated number of occurrences of the item with hash `hash`: never below the true
    /// count (capped at `maximumCount`).
    public func count(of hash: UInt64) -> Int {
        var minimum = UInt8.max
        counters.withUnsafeBufferPointer { counters in
            Self.forEachPosition(of: hash, in: shape) { minimum = min(minimum, counters[$0]) }
        }
        return Int(minimum)
    }

    /// Adds `other`'s counters to this filter's, saturating at `maximumCount`.
    ///
    /// - Returns: `false` (and changes nothing) when the shapes differ.
    @discardableResult
    public mutating func formSaturatingSum(with other: CountingBloomFilter) -> Bool {
        guard other.shape == shape else { return false }
        counters.withUnsafeMutableBytes { target in
            other.counters.withUnsafeBytes { Self.saturatingAdd($0, into: target) }
        }
        return true
    }

    /// Adds the counters `source` into `target` (same length), saturating at `maximumCount`.
    public static func saturatingAdd(_ source: UnsafeRawBufferPointer, into target: UnsafeMutableRawBufferPointer) {
        for index in 0..<min(source.count, target.count) {
            let (sum, overflow) = target[index].addingReportingOverflow(source[index])
            target[index] = overflow ? UInt8.max : sum
        }
    }

    /// Calls `body` with each of the `k` counter positions of `hash`.
    @inline(__always)
    static func forEachPosition(of hash: UInt64, in shape: Shape, _ body: (Int) -> Void) {
        let size = UInt64(shape.counters)
        let step = mix(hash) | 1
        var value = hash
        for _ in 0..<shape.hashes {
            // The high half of `size × value` is below `size`: a position in `0..<m`.
            body(Int(size.multipliedFullWidth(by: value).high))
            // Double hashing wraps around 2⁶⁴ by design.
            value &+= step
        }
    }

    /// MurmurHash3's 64-bit finalizer: the second hash of double hashing.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        z = (z ^ (z >> 33)) &* 0xC4CE_B9FE_1A85_EC53
        return z ^ (z >> 33)
    }
}
