/// Standard base64 (RFC 4648, with padding), for raw bytes that are not valid UTF-8.
public enum Base64 {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the base64 encoding of `bytes` to `output`.
    public static func append(_ bytes: UnsafeRawBufferPointer, to output: inout [UInt8]) {
        output.reserveCapacity(output.count + (bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            appendQuantum(v, digits: 4, to: &output)
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            appendQuantum(UInt32(bytes[i]) << 16, digits: 2, to: &output)
            output.append(UInt8(ascii: "="))
            output.append(UInt8(ascii: "="))
        } else if rest == 2 {
            appendQuantum(UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8, digits: 3, to: &output)
            output.append(UInt8(ascii: "="))
        }
    }

    /// The base64 encoding of `bytes` as a string.
    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        bytes.withUnsafeBytes { append($0, to: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    private static func appendQuantum(_ v: UInt32, digits: Int, to output: inout [UInt8]) {
        // Each index is a 6-bit field, so it is < 64 = alphabet.count.
        for k in 0..<digits { output.append(alphabet[Int((v >> (18 - 6 * UInt32(k))) & 0x3F)]) }
    }
}
