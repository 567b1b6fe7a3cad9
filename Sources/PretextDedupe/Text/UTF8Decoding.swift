/// Decoding and encoding of single scalars in valid UTF-8.
enum UTF8Decoding {
    /// The scalar at `index` and its length in bytes. The bytes must be valid UTF-8.
    @inline(__always)
    static func scalar(in bytes: UnsafeRawBufferPointer, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(bytes, index + 1), 2) }
        if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | continuation(bytes, index + 1) << 6 | continuation(bytes, index + 2), 3)
        }
        let high = (lead & 0x07) << 18 | continuation(bytes, index + 1) << 12
        return (high | continuation(bytes, index + 2) << 6 | continuation(bytes, index + 3), 4)
    }

    @inline(__always)
    private static func continuation(_ bytes: UnsafeRawBufferPointer, _ index: Int) -> UInt32 {
        index < bytes.count ? UInt32(bytes[index]) & 0x3F : 0
    }
}
