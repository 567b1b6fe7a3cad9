/// Encodes UTF-8 bytes as a canonical JSON string token.
///
/// Canonical form: `"` and `\` are escaped as `\"` and `\\`; U+0000–U+001F as `\b \f \n
/// \r \t` or `\u00XX`; every other byte, UTF-8 included, passes through unchanged (no `\/`,
/// no `\u` for non-ASCII). Runs of safe bytes are found 8 bytes at a time and copied in one
/// go, so text without special characters costs about a `memcpy`.
///
/// A JSON string token that contains no backslash is already canonical: it has no raw `"`,
/// `\` or control characters, so it can be copied verbatim instead of re-encoded.
public enum JSONStringEncoder {
    /// Appends `bytes` (valid UTF-8) as a quoted, escaped JSON string to `output`.
    /// - Complexity: O(n).
    public static func appendQuoted(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        output.append(0x22)
        appendEscaped(bytes, to: &output)
        output.append(0x22)
    }

    /// Appends `bytes` (valid UTF-8) as a quoted, escaped JSON string to `output`.
    public static func appendQuoted(_ bytes: [UInt8], to output: inout [UInt8]) {
        bytes.withUnsafeBytes { appendQuoted($0, to: &output) }
    }

    /// Appends `string` as a quoted, escaped JSON string to `output`.
    public static func appendQuoted(_ string: String, to output: inout [UInt8]) {
        var string = string
        string.withUTF8 { appendQuoted(UnsafeRawBufferPointer($0), to: &output) }
    }

    /// Appends the escaped content of `bytes` without quotes.
    public static func appendEscaped(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let end = bytes.count
        var i = 0
        while i < end {
            let special = SWAR.firstJSONSpecial(base, from: i, end: end)
            if special > i {
                // Safe: i..<special is inside `bytes`.
                output.append(contentsOf: UnsafeRawBufferPointer(start: base + i, count: special - i))
            }
            guard special < end else { return }
            appendEscape(for: bytes[special], to: &output)  // special < end
            i = special + 1
        }
    }

    /// A quoted JSON string for `string`.
    public static func quoted(_ string: String) -> String {
        var output: [UInt8] = []
        appendQuoted(string, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func appendEscape(for c: UInt8, to output: inout [UInt8]) {
        output.append(0x5C)
        switch c {
        case 0x22: output.append(0x22)
        case 0x5C: output.append(0x5C)
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x09: output.append(UInt8(ascii: "t"))
        default:
            // c < 0x20 here, so both hex indices are < 16.
            output.append(UInt8(ascii: "u"))
            output.append(0x30)
            output.append(0x30)
            output.append(hexDigits[Int(c >> 4)])
            output.append(hexDigits[Int(c & 0xF)])
        }
    }
}
