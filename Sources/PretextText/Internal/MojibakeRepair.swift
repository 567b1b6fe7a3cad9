/// Repair of UTF-8 text that was decoded as Windows-1252 (or Latin-1) and encoded again.
///
/// The rule, applied to each maximal run of non-ASCII characters that all have a byte in
/// Windows-1252 (or are C1 controls, which is what Latin-1 decoding gives for 0x80–0x9F):
/// map the run back to those bytes and replace the run with them only when the bytes are
/// valid UTF-8. Every byte of such a run is ≥ 0x80, so valid means "only multi-byte
/// sequences": a lone accented letter (one lead byte) never qualifies, which keeps real
/// Latin-1 text intact.
enum MojibakeRepair {
    /// Writes the repaired `source` to `output` from index 0; returns the bytes written.
    ///
    /// `output` must hold at least `source.count` bytes: a repaired run is always shorter
    /// than the run (each character of at least two bytes becomes one byte).
    static func repair(_ source: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Int {
        let count = source.count
        var i = 0
        var o = 0
        while i < count {
            let b = source[i]  // i < count
            if b < 0x80 || windows1252Byte(source, at: i).byte == nil {
                output[o] = b  // o <= i < count <= output.count
                o += 1
                i += 1
                continue
            }
            // A run of characters with a Windows-1252 byte: write the candidate bytes at `o`.
            let runStart = i
            let outStart = o
            while i < count, source[i] >= 0x80 {
                let (byte, length) = windows1252Byte(source, at: i)
                guard let byte else { break }
                output[o] = byte  // o < i: every character here is 2+ bytes and becomes 1
                o += 1
                i += length
            }
            let candidate = UnsafeRawBufferPointer(rebasing: output[outStart..<o])
            if !isValidUTF8(candidate) {
                // Not mojibake: put the original run back (it fits: o ≤ i always holds).
                o = outStart
                for k in runStart..<i {
                    output[o] = source[k]
                    o += 1
                }
            }
        }
        return o
    }

    /// The Windows-1252 byte of the character at `i` and the character's UTF-8 length, or
    /// `(nil, 1)` when the character has no such byte (or the bytes there are ill-formed).
    static func windows1252Byte(_ s: UnsafeRawBufferPointer, at i: Int) -> (byte: UInt8?, length: Int) {
        let count = s.count
        let b0 = s[i]
        if b0 == 0xC2 || b0 == 0xC3 {
            // U+0080–U+00FF: C1 controls and Latin-1 map to the same byte.
            guard i + 1 < count, s[i + 1] & 0xC0 == 0x80 else { return (nil, 1) }
            return ((b0 & 0x03) << 6 | (s[i + 1] & 0x3F), 2)
        }
        if b0 == 0xC5 || b0 == 0xC6 || b0 == 0xCB {
            guard i + 1 < count, s[i + 1] & 0xC0 == 0x80 else { return (nil, 1) }
            let scalar = UInt32(b0 & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F)
            return (specialByte(scalar), 2)
        }
        if b0 == 0xE2 {
            guard i + 2 < count, s[i + 1] & 0xC0 == 0x80, s[i + 2] & 0xC0 == 0x80 else { return (nil, 1) }
            let scalar = UInt32(b0 & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
            return (specialByte(scalar), 3)
        }
        return (nil, 1)
    }

    /// The 27 characters Windows-1252 puts at 0x80–0x9F.
    static func specialByte(_ scalar: UInt32) -> UInt8? {
        switch scalar {
        case 0x20AC: 0x80
        case 0x201A: 0x82
        case 0x0192: 0x83
        case 0x201E: 0x84
        case 0x2026: 0x85
        case 0x2020: 0x86
        case 0x2021: 0x87
        case 0x02C6: 0x88
        case 0x2030: 0x89
        case 0x0160: 0x8A
        case 0x2039: 0x8B
        case 0x0152: 0x8C
        case 0x017D: 0x8E
        case 0x2018: 0x91
        case 0x2019: 0x92
        case 0x201C: 0x93
        case 0x201D: 0x94
        case 0x2022: 0x95
        case 0x2013: 0x96
        case 0x2014: 0x97
        case 0x02DC: 0x98
        case 0x2122: 0x99
        case 0x0161: 0x9A
        case 0x203A: 0x9B
        case 0x0153: 0x9C
        case 0x017E: 0x9E
        case 0x0178: 0x9F
        default: nil
        }
    }

    /// Whether `bytes` is well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        var i = 0
        while i < count {
            let b0 = bytes[i]
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i + length <= count else { return false }
            if length > 1 {
                guard bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
                for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return false }
            }
            i += length
        }
        return true
    }
}
