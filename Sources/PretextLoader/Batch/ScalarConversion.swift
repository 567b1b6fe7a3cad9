import PretextStore

/// Converts `count` little-endian values of one scalar type to `Int32`.
enum ScalarConversion {
    /// Reads `count` values of `type` at `source` into `output`; `false` when a value has no
    /// exact `Int32` (out of range, or a float that is not a whole number). Types narrower than
    /// 32 bits skip the range check and `int32` is copied (fast paths tested against
    /// `checkedIntegers`, the plain conversion).
    ///
    /// The caller guarantees `count × type.size` readable bytes and `count` writable slots.
    static func convert(
        _ type: RecordSchema.ScalarType, from source: UnsafeRawPointer, count: Int,
        into output: UnsafeMutablePointer<Int32>
    ) -> Bool {
        switch type {
        case .uint8: widen(UInt8.self, source, count, output)
        case .int8: widen(Int8.self, source, count, output)
        case .uint16: widen(UInt16.self, source, count, output)
        case .int16: widen(Int16.self, source, count, output)
        case .uint32: integers(UInt32.self, source, count, output)
        case .int32: copy(source, count, output)
        case .uint64: integers(UInt64.self, source, count, output)
        case .int64: integers(Int64.self, source, count, output)
        case .float32: floats(UInt32.self, source, count, output) { Float(bitPattern: $0) }
        case .float64: floats(UInt64.self, source, count, output) { Double(bitPattern: $0) }
        }
    }

    /// Types narrower than 32 bits always fit: no check.
    @inline(__always)
    private static func widen<T: FixedWidthInteger>(
        _: T.Type, _ source: UnsafeRawPointer, _ count: Int, _ output: UnsafeMutablePointer<Int32>
    ) -> Bool {
        for index in 0..<count {
            // Safe: the caller guarantees count × size readable bytes; loads need no alignment.
            // Sign-extends signed types, zero-extends unsigned ones.
            output[index] = Int32(
                truncatingIfNeeded: T(
                    littleEndian: source.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self)))
        }
        return true
    }

    /// `int32` is already the output type: a copy on a little-endian machine.
    @inline(__always)
    private static func copy(_ source: UnsafeRawPointer, _ count: Int, _ output: UnsafeMutablePointer<Int32>) -> Bool {
        #if _endian(little)
        // Safe: the caller guarantees count × 4 readable bytes and count writable slots.
        UnsafeMutableRawPointer(output).copyMemory(from: source, byteCount: count * 4)
        return true
        #else
        return integers(Int32.self, source, count, output)
        #endif
    }

    /// The plain conversion of any integer type, each value range-checked.
    static func checkedIntegers<T: FixedWidthInteger>(
        _ type: T.Type, _ source: UnsafeRawPointer, _ count: Int, _ output: UnsafeMutablePointer<Int32>
    ) -> Bool {
        integers(type, source, count, output)
    }

    @inline(__always)
    private static func integers<T: FixedWidthInteger>(
        _: T.Type, _ source: UnsafeRawPointer, _ count: Int, _ output: UnsafeMutablePointer<Int32>
    ) -> Bool {
        for index in 0..<count {
            // Safe: the caller guarantees count × size readable bytes; loads need no alignment.
            let value = T(littleEndian: source.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.size, as: T.self))
            guard let converted = Int32(exactly: value) else { return false }
            output[index] = converted
        }
        return true
    }

    @inline(__always)
    private static func floats<Bits: FixedWidthInteger, F: BinaryFloatingPoint>(
        _: Bits.Type, _ source: UnsafeRawPointer, _ count: Int, _ output: UnsafeMutablePointer<Int32>,
        _ float: (Bits) -> F
    ) -> Bool {
        for index in 0..<count {
            // Safe: as in `integers`.
            let bits = Bits(
                littleEndian: source.loadUnaligned(fromByteOffset: index * MemoryLayout<Bits>.size, as: Bits.self))
            guard let converted = Int32(exactly: float(bits)) else { return false }
            output[index] = converted
        }
        return true
    }
}
