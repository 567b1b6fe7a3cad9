/// Small byte helpers shared by the readers.
enum TextBytes {
    /// `bytes` without a leading UTF-8 byte-order mark.
    static func droppingBOM(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF else { return bytes }
        return UnsafeRawBufferPointer(rebasing: bytes.dropFirst(3))
    }

    /// Whether `bytes` is empty or only ASCII whitespace.
    static func isASCIIBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.allSatisfy(isASCIIWhitespace)
    }

    /// Space, tab, LF, VT, FF, CR.
    @inline(__always)
    static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// `bytes` without leading and trailing ASCII whitespace.
    static func trimmingASCIIWhitespace(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isASCIIWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isASCIIWhitespace(bytes[upper - 1]) { upper -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// The 1-based line number of byte `offset` in `bytes`.
    static func lineNumber(of offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
}
