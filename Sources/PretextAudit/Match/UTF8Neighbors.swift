/// Decoding the character just before or just after a byte offset in UTF-8 text.
///
/// The text is expected to be valid UTF-8 (the store only holds valid text); malformed
/// sequences decode as nil and count as "not a word character".
enum UTF8Neighbors {
    /// The kind of the character that ends just before `offset` (`.other` at the start).
    static func kind(before offset: Int, in text: UnsafeRawBufferPointer) -> ScalarKind {
        guard offset > 0 else { return .other }
        let last = text[offset - 1]
        if last < 0x80 { return ScalarKind.ascii(last) }
        var start = offset - 1
        // A scalar has at most three continuation bytes (10xxxxxx) after its lead byte.
        while start > 0, offset - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(at: start, in: text).map { $0.scalar.map(ScalarKind.init) ?? .other } ?? .other
    }

    /// The kind of the character that starts at `offset` (`.other` at the end).
    static func kind(at offset: Int, in text: UnsafeRawBufferPointer) -> ScalarKind {
        guard offset < text.count else { return .other }
        let first = text[offset]
        if first < 0x80 { return ScalarKind.ascii(first) }
        return decode(at: offset, in: text).map { $0.scalar.map(ScalarKind.init) ?? .other } ?? .other
    }

    /// The byte length of the character before `offset` (1 for malformed bytes).
    static func length(before offset: Int, in text: UnsafeRawBufferPointer) -> Int {
        var start = offset - 1
        while start > 0, offset - start < 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        guard let decoded = decode(at: start, in: text), start + decoded.length == offset else { return 1 }
        return decoded.length
    }

    /// The byte length of the character at `offset` (1 for malformed bytes).
    static func length(at offset: Int, in text: UnsafeRawBufferPointer) -> Int {
        decode(at: offset, in: text)?.length ?? 1
    }

    /// Decodes the scalar whose lead byte is at `offset`: nil when `offset` does not start a
    /// sequence; a nil scalar when the sequence is malformed.
    static func decode(at offset: Int, in text: UnsafeRawBufferPointer) -> (scalar: Unicode.Scalar?, length: Int)? {
        let lead = text[offset]
        let length: Int
        switch lead {
        case 0x00..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0..<0xF5: length = 4
        default: return nil
        }
        guard offset + length <= text.count else { return (nil, 1) }
        var value = UInt32(lead) & (0x7F >> length)
        for index in offset + 1..<offset + length {
            let byte = text[index]
            guard byte & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value), length)
    }
}
