/// Eight-bytes-at-a-time ("SIMD within a register") byte tests used by the JSON code.
///
/// Each mask function returns a word whose bit 7 of byte *k* is set when byte *k* matches.
/// Bits above the lowest match may be false positives (borrows propagate upward), so callers
/// only use the lowest set bit: `mask.trailingZeroBitCount / 8` is the first matching byte
/// on a little-endian load.
@usableFromInline
enum SWAR {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Bytes equal to zero.
    @inlinable @inline(__always)
    static func zeroMask(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs  // wrapping subtraction is the point of the trick
    }

    /// Bytes that need escaping in a JSON string, or end one: `"`, `\`, and < 0x20.
    @inlinable @inline(__always)
    static func jsonSpecialMask(_ word: UInt64) -> UInt64 {
        let quote = zeroMask(word ^ (ones &* 0x22))
        let backslash = zeroMask(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control
    }

    /// Loads 8 bytes at `offset` as a little-endian word; the caller guarantees
    /// `offset + 8` is inside the buffer.
    @inlinable @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The offset of the first byte in `base[from..<end]` that is `"`, `\` or a control
    /// character, or `end` when there is none.
    @inlinable
    static func firstJSONSpecial(_ base: UnsafeRawPointer, from: Int, end: Int) -> Int {
        var i = from
        while i + 8 <= end {
            // Safe: i + 8 <= end, inside the buffer.
            let mask = jsonSpecialMask(load(base, i))
            if mask != 0 { return i &+ mask.trailingZeroBitCount >> 3 }
            i &+= 8
        }
        while i < end {
            let b = base.load(fromByteOffset: i, as: UInt8.self)  // i < end
            if b == 0x22 || b == 0x5C || b < 0x20 { return i }
            i &+= 1
        }
        return end
    }
}
