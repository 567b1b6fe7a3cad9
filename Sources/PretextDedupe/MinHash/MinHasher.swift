import PretextCore

/// MinHash signatures and LSH band keys.
///
/// `bands × rows` hash functions `h(x) = ((a·x + b) mod 2^64) mod (2^61 − 1)` over the 64-bit
/// shingle hashes, with `a`, `b` drawn from a seeded SplitMix64: datatrove's arithmetic (its
/// numpy `uint64` product wraps at 2^64 before the modulo). The signature is each function's
/// minimum over a document's shingles; band `i` is rows `i·r ..< (i+1)·r`, keyed by XXH3-128
/// of their bytes. Two documents become candidates when any band key is equal, which for
/// Jaccard similarity `s` happens with probability `1 − (1 − s^r)^b`
/// (`LSHParameters.probability`).
public struct MinHasher: Sendable {
    /// The Mersenne prime 2^61 − 1.
    public static let prime: UInt64 = (1 << 61) - 1

    /// The LSH shape.
    public let parameters: LSHParameters
    private let a: [UInt64]
    private let b: [UInt64]

    /// Creates the hash functions for `parameters` from `seed`.
    public init(parameters: LSHParameters, seed: UInt64 = 1) {
        self.parameters = parameters
        var random = SplitMix64(seed: seed)
        var a: [UInt64] = []
        var b: [UInt64] = []
        for _ in 0..<parameters.hashCount {
            a.append(1 + random.next() % (Self.prime - 1))
            b.append(random.next() % Self.prime)
        }
        self.a = a
        self.b = b
    }

    /// The signature of a shingle set (`UInt64.max` everywhere for no shingles).
    ///
    /// Loops hash function by hash function over the shingles, so that each function's
    /// running minimum stays in a register.
    public func signature(of shingles: [UInt64], into signature: inout [UInt64]) {
        let count = parameters.hashCount
        signature.removeAll(keepingCapacity: true)
        signature.append(contentsOf: repeatElement(UInt64.max, count: count))
        guard !shingles.isEmpty else { return }
        shingles.withUnsafeBufferPointer { xs in
            signature.withUnsafeMutableBufferPointer { minimums in
                for index in 0..<count {
                    minimums[index] = Self.minimum(xs, a: a[index], b: b[index])
                }
            }
        }
    }

    /// `min over x of h(x)`, two shingles at a time for instruction-level parallelism.
    @inline(__always)
    private static func minimum(_ xs: UnsafeBufferPointer<UInt64>, a: UInt64, b: UInt64) -> UInt64 {
        var first = UInt64.max
        var second = UInt64.max
        var index = 0
        let pairs = xs.count & ~1
        while index < pairs {
            first = min(first, hash(a, xs[index], b))
            second = min(second, hash(a, xs[index &+ 1], b))
            index &+= 2
        }
        if pairs < xs.count { first = min(first, hash(a, xs[pairs], b)) }
        return min(first, second)
    }

    /// The key of each band of `signature`.
    public func bandKeys(of signature: [UInt64], into keys: inout [Hash128]) {
        keys.removeAll(keepingCapacity: true)
        let rows = parameters.rows
        signature.withUnsafeBytes { bytes in
            for band in 0..<parameters.bands {
                let slice = UnsafeRawBufferPointer(rebasing: bytes[(band * rows * 8)..<((band + 1) * rows * 8)])
                keys.append(Hash128(hashing: slice))
            }
        }
    }

    /// `x mod p` for any 64-bit `x`.
    @inline(__always)
    static func reduce(_ x: UInt64) -> UInt64 {
        let folded = (x & prime) &+ (x >> 61)
        return folded >= prime ? folded &- prime : folded
    }

    /// `((a·x + b) mod 2^64) mod p`.
    @inline(__always)
    static func hash(_ a: UInt64, _ x: UInt64, _ b: UInt64) -> UInt64 {
        reduce(a &* x &+ b)
    }
}
