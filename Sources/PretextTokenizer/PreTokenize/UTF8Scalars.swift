/// Decoding one scalar of valid UTF-8 at a byte offset, for the pre-tokenizers' scanners.
enum UTF8Scalars {
    /// The scalar value starting at `index` of `bytes` and its length in bytes (1–4).
    ///
    /// The input is valid UTF-8 (it comes from a `String`); a stray continuation byte or a
    /// truncated sequence still decodes to something, one byte at a time, so scanning always
    /// advances.
    @inline(__always)
    static func decode(_ bytes: UnsafeRawBufferPointer, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let count = bytes.count
        if lead >= 0xF0, index + 3 < count {
            let value =
                (lead & 0x07) << 18 | (UInt32(bytes[index + 1]) & 0x3F) << 12 | (UInt32(bytes[index + 2]) & 0x3F) << 6
                | (UInt32(bytes[index + 3]) & 0x3F)
            return (value, 4)
        }
        if lead >= 0xE0, index + 2 < count {
            return ((lead & 0x0F) << 12 | (UInt32(bytes[index + 1]) & 0x3F) << 6 | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        if lead >= 0xC0, index + 1 < count {
            return ((lead & 0x1F) << 6 | (UInt32(bytes[index + 1]) & 0x3F), 2)
        }
        return (lead, 1)
    }

    /// Calls `body` with each scalar value of `bytes` in order (values beyond U+10FFFF, which
    /// only ill-formed input gives, as U+FFFD).
    @inline(__always)
    static func forEach(in bytes: UnsafeRawBufferPointer, _ body: (UInt32) -> Void) {
        var index = 0
        while index < bytes.count {
            let (value, length) = decode(bytes, at: index)
            body(value < 0x11_0000 ? value : 0xFFFD)
            index += length
        }
    }
}
