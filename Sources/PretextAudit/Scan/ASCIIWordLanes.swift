/// Eight bytes of text classified at once (SWAR: SIMD within a register), for the ASCII fast
/// path of `SentenceSplitter`.
///
/// A block is eight bytes loaded little-endian into a `UInt64`, byte i in bits 8i..<8i+8 (its
/// lane). The functions return masks with bit 7 of a lane set or clear. The arithmetic works on
/// the low seven bits of each lane, so that no addition carries into the next lane: a lane
/// below 0x80 plus a constant below 0x81 stays below 0x100.
enum ASCIIWordLanes {
    /// 0x01 in every lane.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every lane.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Counts the word starts in the run of ASCII bytes of `text` from `index` up to the first
    /// stop (see `stops`), eight bytes at a time while eight remain, adding them to `words`
    /// and leaving in `inWord` whether the last byte taken is a word byte; `inWord` tells
    /// whether the byte before `index` is one.
    ///
    /// Not inlined: in CJK text the splitter never calls it, and its loop stays small.
    /// - Returns: The index of the first byte not taken (`index` when that byte is a stop).
    @inline(never)
    static func countWords(
        in text: UnsafeRawBufferPointer, from index: Int, words: inout Int, inWord: inout Bool
    )
        -> Int
    {
        var index = index
        while index + 8 <= text.count {
            let block = load(text, at: index)
            let stops = stops(block)
            // trailingZeroBitCount >> 3: the lane of the first stop, 0 to 7.
            let lanes = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
            guard lanes > 0 else { break }
            let wordBytes = wordBytes(block)
            words += wordStarts(wordBytes, lanes: lanes, after: inWord)
            // The last lane taken: bit 7 of lane `lanes - 1`, below 64.
            inWord = wordBytes >> UInt64(lanes * 8 - 1) & 1 != 0
            index += lanes
            if lanes < 8 { break }
        }
        return index
    }

    /// The eight bytes at `offset` of `text` as a block; `offset + 8 <= text.count`.
    @inline(__always)
    static func load(_ text: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        UInt64(littleEndian: text.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The lanes that hold a byte the splitter must look at one by one: a byte of 0x80 or
    /// above (non-ASCII or invalid UTF-8), a sentence stop `.` `!` `?`, or a line feed.
    @inline(__always)
    static func stops(_ block: UInt64) -> UInt64 {
        let low = block & ~highBits
        return (block & highBits) | equal(low, 0x2E) | equal(low, 0x21) | equal(low, 0x3F) | equal(low, 0x0A)
    }

    /// The lanes that hold an ASCII letter or digit, [0-9A-Za-z]; valid in the lanes below 0x80.
    @inline(__always)
    static func wordBytes(_ block: UInt64) -> UInt64 {
        let low = block & ~highBits
        // ORing in 0x20 maps A–Z onto a–z and nothing else into a–z (digits are tested unfolded:
        // 0x10–0x19 would fold onto them).
        return inRange(low, 0x30, 0x39) | inRange(low | (ones &* 0x20), 0x61, 0x7A)
    }

    /// The number of word starts in the first `lanes` lanes of `words` (a `wordBytes` mask):
    /// word bytes whose previous byte is not one; `inWord` tells whether the byte before lane
    /// 0 is. `lanes` is 1 to 8.
    @inline(__always)
    static func wordStarts(_ words: UInt64, lanes: Int, after inWord: Bool) -> Int {
        // <<: lane i - 1's bit moves to lane i; lane 7's falls off. The shift count is below 64.
        let previous = words << 8 | (inWord ? 0x80 : 0)
        let kept = lanes == 8 ? UInt64.max : (1 << UInt64(lanes * 8)) &- 1
        let starts = words & ~previous & kept
        // Each lane of starts >> 7 is 0 or 1; multiplying by `ones` sums them into the top lane
        // (at most 8, so no lane overflows); &*: the wrapped-off high part is not needed.
        return Int(((starts >> 7) &* ones) >> 56)
    }

    /// Lanes equal to `byte` (lanes below 0x80): x ^ byte is 0 only there, and adding 0x7F sets
    /// bit 7 of every other lane.
    @inline(__always)
    private static func equal(_ low: UInt64, _ byte: UInt8) -> UInt64 {
        ~((low ^ (ones &* UInt64(byte))) &+ ones &* 0x7F) & highBits
    }

    /// Lanes in `lower...upper` (lanes below 0x80): adding 0x80 - lower sets bit 7 from lower
    /// on, adding 0x7F - upper sets it above upper.
    @inline(__always)
    private static func inRange(_ low: UInt64, _ lower: UInt8, _ upper: UInt8) -> UInt64 {
        let atLeastLower = low &+ ones &* UInt64(0x80 - lower)
        let aboveUpper = low &+ ones &* UInt64(0x7F - upper)
        return atLeastLower & ~aboveUpper & highBits
    }
}
