import PretextCore

/// A keyed bijection of 0 ..< `count`, computed per element: nothing is materialized.
///
/// A balanced Feistel network over the smallest domain of `2h` bits that holds `count` (`h`
/// bits per half, at least 1), with `rounds` rounds whose round function is the SplitMix64
/// finalizer of the right half xor a round key; values that land outside 0 ..< `count` are
/// encrypted again (cycle walking) until they land inside. The domain is less than 4 × `count`,
/// so a value takes fewer than 4 encryptions on average. Every Feistel network is a bijection of
/// its domain, and cycle walking keeps one of `count` (Black and Rogaway, "Ciphers with Arbitrary
/// Finite Domains", 2002).
///
/// The same `count` and `key` give the same permutation on every machine.
public struct FeistelPermutation: Sendable, Hashable {
    /// The size of the permuted range.
    public let count: Int
    /// The key; another key gives another permutation.
    public let key: UInt64
    /// Bits per half of the Feistel domain.
    private let halfBits: Int

    /// The number of rounds: 4 make a pseudorandom permutation from a pseudorandom function
    /// (Luby–Rackoff); 2 more for margin.
    static let rounds = 6

    /// A permutation of 0 ..< `count` (`count` ≥ 0) keyed by `key`.
    public init(count: Int, key: UInt64) {
        precondition(count >= 0, "a permutation needs a count of at least 0")
        self.count = count
        self.key = key
        var bits = 1
        while bits < 31, (1 << (2 * bits)) < count { bits += 1 }
        self.halfBits = bits
    }

    /// The image of `value` (0 ..< `count`).
    public func callAsFunction(_ value: Int) -> Int {
        precondition(value >= 0 && value < count, "\(value) is outside 0..<\(count)")
        var x = UInt64(value)
        repeat { x = encrypt(x) } while x >= UInt64(count)
        return Int(x)
    }

    /// The value whose image is `image`: `inverse(self(v)) == v`.
    public func inverse(_ image: Int) -> Int {
        precondition(image >= 0 && image < count, "\(image) is outside 0..<\(count)")
        var x = UInt64(image)
        repeat { x = decrypt(x) } while x >= UInt64(count)
        return Int(x)
    }

    private var mask: UInt64 { (1 << UInt64(halfBits)) - 1 }

    private func encrypt(_ value: UInt64) -> UInt64 {
        var left = value >> UInt64(halfBits)
        var right = value & mask
        for round in 0..<Self.rounds {
            (left, right) = (right, left ^ roundFunction(round, right))
        }
        return left << UInt64(halfBits) | right
    }

    private func decrypt(_ value: UInt64) -> UInt64 {
        var left = value >> UInt64(halfBits)
        var right = value & mask
        for round in (0..<Self.rounds).reversed() {
            (left, right) = (right ^ roundFunction(round, left), left)
        }
        return left << UInt64(halfBits) | right
    }

    private func roundFunction(_ round: Int, _ half: UInt64) -> UInt64 {
        // &*: round keys are defined modulo 2^64.
        SplitMix64.mix(half ^ key ^ (UInt64(round + 1) &* 0x9E37_79B9_7F4A_7C15)) & mask
    }
}
