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

    /// Appends `value` as UTF-8.
    @inline(__always)
    static func append(_ value: UInt32, to output: inout [UInt8]) {
        if value < 0x80 {
            output.append(UInt8(value))
        } else if value < 0x800 {
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | (value >> 6) & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        } else {
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | (value >> 12) & 0x3F))
            output.append(UInt8(0x80 | (value >> 6) & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
