/// Byte predicates over ASCII; every byte ≥ 0x80 (any part of a non-ASCII character) is
/// "other", so CJK text next to a match acts as a word boundary.
enum ASCII {
    /// `0`–`9`.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }  // wraps below '0' to ≥ 10

    /// `A`–`Z`, `a`–`z`.
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }  // | 0x20 folds case

    /// Letters and digits.
    @inline(__always)
    static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }

    /// A regex `\w` byte in ASCII: letters, digits and `_`.
    @inline(__always)
    static func isWord(_ byte: UInt8) -> Bool { isAlnum(byte) || byte == UInt8(ascii: "_") }

    /// `0`–`9`, `A`–`F`, `a`–`f`.
    @inline(__always)
    static func isHex(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- 0x61 < 6 }

    /// The value of a hex digit (the byte must be one).
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt32 {
        isDigit(byte) ? UInt32(byte &- 0x30) : UInt32((byte | 0x20) &- 0x61 &+ 10)
    }

    /// Space, tab, CR, LF and the other C0 controls.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 }

    /// The characters datatrove's e-mail pattern allows in a local part, besides letters
    /// and digits: ``!#$%&'*+/=?^_`{|}~-`` and `.`.
    @inline(__always)
    static func isEmailLocal(_ byte: UInt8) -> Bool {
        if isAlnum(byte) { return true }
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="),
            UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "{"),
            UInt8(ascii: "|"), UInt8(ascii: "}"), UInt8(ascii: "~"), UInt8(ascii: "-"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }

    /// `byte` lowercased if it is an ASCII capital.
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
}
