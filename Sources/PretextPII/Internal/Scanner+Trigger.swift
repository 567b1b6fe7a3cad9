extension Scanner {
    /// The offset of the first trigger byte (`0`–`9`, `:`, `@`, `+`, `(`) at or after `start`,
    /// or `count` when there is none.
    ///
    /// Eight bytes at a time (SWAR): the loop spends about one instruction per byte on text
    /// without triggers, and non-ASCII bytes never trigger.
    @inline(__always)
    func nextTrigger(from start: Int) -> Int {
        var i = start
        let raw = UnsafeRawPointer(base)
        while i &+ 8 <= count {
            // Safe: i + 8 <= count, so the unaligned 8-byte load stays inside the text.
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let mask = Self.triggerMask(word)
            if mask != 0 { return i &+ mask.trailingZeroBitCount &>> 3 }  // lowest byte first
            i &+= 8
        }
        while i < count {
            if Self.triggerMask(UInt64(base[i])) & 0x80 != 0 { return i }
            i &+= 1
        }
        return count
    }

    /// Bit 7 of each byte of the result is set where that byte of `word` is a trigger.
    ///
    /// Works on the low seven bits of each byte so no addition carries into the next byte:
    /// `x + (0x80 - lo)` has bit 7 set exactly when `x >= lo`, and `(x ^ c) + 0x7F` has it
    /// clear exactly when `x == c`. Bytes with bit 7 set (non-ASCII) are masked out.
    @inline(__always)
    static func triggerMask(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let x = word & ~high
        let atLeast0 = (x &+ ones &* 0x50) & high  // x >= 0x30 '0'
        let above9Colon = (x &+ ones &* 0x45) & high  // x >= 0x3B, past ':'
        let at = ~((x ^ (ones &* 0x40)) &+ ones &* 0x7F) & high  // '@'
        let plus = ~((x ^ (ones &* 0x2B)) &+ ones &* 0x7F) & high  // '+'
        let paren = ~((x ^ (ones &* 0x28)) &+ ones &* 0x7F) & high  // '('
        return ((atLeast0 & ~above9Colon) | at | plus | paren) & ~word
    }
}
