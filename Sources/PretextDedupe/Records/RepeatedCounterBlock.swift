import PretextStore

/// 64 consecutive counters of a `CountingBloomFilter`: how the repeated-content Bloom phases
/// store a filter (or a range of it) in work files. 64 bytes.
public struct RepeatedCounterBlock: FixedWidthRecord {
    public static let byteCount = CountingBloomFilter.Shape.blockSize

    /// The counters.
    public var counters: SIMD64<UInt8>

    /// A block of `counters`.
    public init(counters: SIMD64<UInt8>) { self.counters = counters }

    /// The block at `block` of `filter`'s counters (a block inside `filter.shape.blocks`).
    public init(filter: CountingBloomFilter, block: Int) {
        counters = filter.counters.withUnsafeBytes {
            $0.loadUnaligned(fromByteOffset: block * Self.byteCount, as: SIMD64<UInt8>.self)
        }
    }

    /// Adds `other`'s counters, saturating at 255.
    public mutating func formSaturatingSum(with other: RepeatedCounterBlock) {
        let sum = counters &+ other.counters
        counters = sum.replacing(with: UInt8.max, where: sum .< counters)
    }

    public init(loading pointer: UnsafeRawPointer) {
        counters = pointer.loadUnaligned(as: SIMD64<UInt8>.self)
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: counters, as: SIMD64<UInt8>.self)
    }

    /// Lexicographic order of the counters (blocks are stored in filter order, never sorted).
    public static func < (lhs: RepeatedCounterBlock, rhs: RepeatedCounterBlock) -> Bool {
        for lane in 0..<Self.byteCount where lhs.counters[lane] != rhs.counters[lane] {
            return lhs.counters[lane] < rhs.counters[lane]
        }
        return false
    }
}
