/// 64-bit hashing of code-point runs, used wherever datatrove compares strings for equality
/// (duplicate lines, paragraphs, n-grams, special-case lookups).
///
/// Equal runs always hash equal; unequal runs collide with probability about 2⁻⁶⁴ per pair,
/// which the rules accept (a collision can only make one duplicate count too many).
enum ScalarHash {
    /// Multiplier of the polynomial hash (odd, high entropy).
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// Final avalanche (splitmix64), so that nearby polynomial values spread over the table.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        // Wrapping arithmetic is the hash's definition; overflow is intended.
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Hash of `s[range]` (content and length).
    @inline(__always)
    static func hash(_ s: [UInt32], _ range: Range<Int>) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for i in range { h = (h ^ UInt64(s[i])) &* 0x100_0000_01B3 &+ (h >> 29) }
        return mix(h ^ UInt64(range.count))
    }
}
