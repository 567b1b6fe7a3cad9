/// Whitespace tests on UTF-8 bytes, for rejecting empty documents.
public enum UTF8Whitespace {
    /// Whether valid UTF-8 `bytes` is empty or holds only whitespace.
    ///
    /// Whitespace is the Unicode `White_Space` property (what Python's `str.strip()` strips):
    /// ASCII space, tab, LF, VT, FF, CR, and U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
    /// U+2029, U+202F, U+205F, U+3000; plus U+200B and U+FEFF, which are invisible.
    /// - Complexity: stops at the first non-whitespace character, so O(1) for real text.
    public static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let count = bytes.count
        while i < count {
            let b = bytes[i]  // i < count
            if b < 0x80 {
                guard b == 0x20 || (b >= 0x09 && b <= 0x0D) else { return false }
                i += 1
                continue
            }
            let length = scalarLength(lead: b)
            guard i + length <= count else { return false }
            let scalar = decode(bytes, at: i, length: length)
            guard isUnicodeSpace(scalar) else { return false }
            i += length
        }
        return true
    }

    /// Whether valid UTF-8 `bytes` is empty or holds only whitespace.
    public static func isBlank(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isBlank($0) }
    }

    static func scalarLength(lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    static func decode(_ bytes: UnsafeRawBufferPointer, at i: Int, length: Int) -> UInt32 {
        // The caller checked i + length <= count; the bytes are valid UTF-8.
        var value = UInt32(bytes[i]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        return value
    }

    static func isUnicodeSpace(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
