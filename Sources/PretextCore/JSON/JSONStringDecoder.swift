/// Decodes JSON string tokens into UTF-8 bytes.
///
/// Handles every RFC 8259 escape, including `\uXXXX` surrogate pairs; a lone surrogate is an
/// error (it has no UTF-8 form). Runs of bytes without a backslash are copied in one go.
public enum JSONStringDecoder {
    /// Appends the decoded content of the string token `token` (quotes included) to `output`.
    /// - Parameter columnBase: added to positions in errors, so they are line columns.
    /// - Throws: `JSONSyntaxError` for a bad escape, a lone surrogate, a raw control
    ///   character, or a token that is not a complete string.
    public static func appendDecoded(
        token: UnsafeRawBufferPointer, to output: inout [UInt8], columnBase: Int = 0
    ) throws(JSONSyntaxError) {
        let n = token.count
        guard n >= 2, let base = token.baseAddress, token[0] == 0x22, token[n - 1] == 0x22 else {
            throw JSONSyntaxError(.unexpectedEnd, at: columnBase + n)
        }
        let end = n - 1
        var i = 1
        while i < end {
            let special = SWAR.firstJSONSpecial(base, from: i, end: end)
            if special > i {
                // Safe: i..<special lies inside the token.
                output.append(contentsOf: UnsafeRawBufferPointer(start: base + i, count: special - i))
            }
            i = special
            guard i < end else { break }
            let c = token[i]
            guard c == 0x5C else {
                // A quote before the end, or a raw control character.
                throw JSONSyntaxError(c == 0x22 ? .trailingCharacters : .controlCharacterInString, at: columnBase + i)
            }
            i = try decodeEscape(token, at: i, end: end, into: &output, columnBase: columnBase)
        }
    }

    /// Decodes the string token `token` (quotes included) into a new byte array.
    public static func decode(token: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(token.count)
        try appendDecoded(token: token, to: &output)
        return output
    }

    /// Decodes the string token `token` (quotes included) into a `String`.
    public static func decodeString(token: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> String {
        String(decoding: try decode(token: token), as: UTF8.self)
    }

    /// The value of an ASCII hex digit, or `nil`.
    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(c &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(c &- UInt8(ascii: "a") &+ 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(c &- UInt8(ascii: "A") &+ 10)
        default: return nil
        }
    }

    /// Decodes the escape at `i` (a backslash); returns the offset after it.
    private static func decodeEscape(
        _ token: UnsafeRawBufferPointer, at i: Int, end: Int, into output: inout [UInt8], columnBase: Int
    ) throws(JSONSyntaxError) -> Int {
        guard i + 1 < end else { throw JSONSyntaxError(.invalidEscape, at: columnBase + i) }
        let simple: UInt8
        switch token[i + 1] {
        case UInt8(ascii: "\""): simple = 0x22
        case UInt8(ascii: "\\"): simple = 0x5C
        case UInt8(ascii: "/"): simple = 0x2F
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"):
            return try decodeUnicodeEscape(token, at: i, end: end, into: &output, columnBase: columnBase)
        default:
            throw JSONSyntaxError(.invalidEscape, at: columnBase + i)
        }
        output.append(simple)
        return i + 2
    }

    private static func decodeUnicodeEscape(
        _ token: UnsafeRawBufferPointer, at i: Int, end: Int, into output: inout [UInt8], columnBase: Int
    ) throws(JSONSyntaxError) -> Int {
        guard let unit = hex4(token, at: i + 2, end: end) else {
            throw JSONSyntaxError(.invalidUnicodeEscape, at: columnBase + i)
        }
        switch unit {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by `\u` and a low surrogate.
            guard i + 12 <= end, token[i + 6] == 0x5C, token[i + 7] == UInt8(ascii: "u"),
                let low = hex4(token, at: i + 8, end: end), (0xDC00...0xDFFF).contains(low)
            else { throw JSONSyntaxError(.loneSurrogate, at: columnBase + i) }
            appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &output)
            return i + 12
        case 0xDC00...0xDFFF:
            throw JSONSyntaxError(.loneSurrogate, at: columnBase + i)
        default:
            appendScalar(unit, to: &output)
            return i + 6
        }
    }

    private static func hex4(_ token: UnsafeRawBufferPointer, at start: Int, end: Int) -> UInt32? {
        guard start + 4 <= end else { return nil }
        var value: UInt32 = 0
        for k in start..<(start + 4) {
            guard let digit = hexValue(token[k]) else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    /// Appends the UTF-8 encoding of a Unicode scalar value (not a surrogate, <= 0x10FFFF).
    static func appendScalar(_ v: UInt32, to output: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            output.append(UInt8(v))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | v >> 6))
            output.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | v >> 12))
            output.append(UInt8(0x80 | (v >> 6) & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        default:
            output.append(UInt8(0xF0 | v >> 18))
            output.append(UInt8(0x80 | (v >> 12) & 0x3F))
            output.append(UInt8(0x80 | (v >> 6) & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
