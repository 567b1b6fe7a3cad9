import PretextStore

/// Converts `count` little-endian values of one scalar type to `Int32`.
enum ScalarConversion {
    /// Reads `count` values of `type` at `source` into `output`; `false` when a value has no
    /// exact `Int32` (out of range, or a float that is not a whole number).
    ///
    /// The caller guarantees `count × type.size` readable bytes and `count` writable slots.
    static func convert(
        _ type: RecordSchema.ScalarType, from source: UnsafeRawPointer, count: Int,
        into output: UnsafeMutablePointer<Int32>
    ) -> Bool {
        switch type {
        case .uint8: integers(UInt8.self, source, count, output)
        case .int8: integers(Int8.self, source, count, output)
        case .uint16: integers(UInt16.self, source, count, output)
        case .int16: integers(Int16.self, source, count, output)
        case .uint32: integers(UInt32.self, source, count, output)
        case .int32: integers(Int32.self, source, count, output)
        case .uint64: integers(UInt64.self, source, count, output)
        case .int64: integers(Int64.self, source, count, output)
        case .float32: floats(UInt32.self, source, count, output) { Float(bitPattern: $0) }
        case .float64: floats(UInt64.self, source, count, output) { Double(bitPattern: $0) }
        }
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
