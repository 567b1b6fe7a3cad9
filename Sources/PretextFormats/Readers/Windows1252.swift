/// Windows-1252 to UTF-8, which is also how browsers (WHATWG Encoding) decode content
/// labeled ISO-8859-1 or Latin-1.
enum Windows1252 {
    /// The labels decoded with this table.
    static let labels: Set<String> = [
        "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "windows-1252", "cp1252",
        "x-cp1252", "iso_8859-1", "us-ascii", "ascii", "ansi_x3.4-1968",
    ]

    /// The code points of 0x80–0x9F; the five unassigned bytes map to the C1 controls.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D,
        0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E,
        0x178,
    ]

    /// Decodes `bytes` as Windows-1252 into UTF-8.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            switch b {
            case 0..<0x80: output.append(b)
            case 0x80..<0xA0: appendScalar(high[Int(b - 0x80)], to: &output)  // index < 32
            default: appendScalar(UInt32(b), to: &output)
            }
        }
        return output
    }

    static func appendScalar(_ v: UInt32, to output: inout [UInt8]) {
        if v < 0x800 {
            output.append(UInt8(0xC0 | v >> 6))
            output.append(UInt8(0x80 | v & 0x3F))
        } else {
            output.append(UInt8(0xE0 | v >> 12))
            output.append(UInt8(0x80 | (v >> 6) & 0x3F))
            output.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
