import PretextCore
import PretextStore
import Testing

@testable import PretextLoader

/// The conversion's fast paths (narrow types unchecked, `int32` copied) give what the plain,
/// checked conversion gives.
@Suite struct ScalarConversionTests {
    private func compare<T: FixedWidthInteger>(_ type: RecordSchema.ScalarType, _: T.Type) {
        var random = SplitMix64(seed: UInt64(type.size) * 31)
        for count in [0, 1, 7, 8, 9, 128, 131] {
            let bytes = (0..<(count * MemoryLayout<T>.size)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var fast = [Int32](repeating: -1, count: count), plain = [Int32](repeating: -2, count: count)
            bytes.withUnsafeBytes { source in
                let base = source.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
                let converted = fast.withUnsafeMutableBufferPointer {
                    ScalarConversion.convert(
                        type, from: base, count: count, into: $0.baseAddress ?? .init(bitPattern: 4)!)
                }
                let checked = plain.withUnsafeMutableBufferPointer {
                    ScalarConversion.checkedIntegers(T.self, base, count, $0.baseAddress ?? .init(bitPattern: 4)!)
                }
                #expect(converted == checked)
            }
            #expect(fast == plain, "\(type) × \(count)")
        }
    }

    @Test func fastPathsMatchThePlainConversion() {
        compare(.uint8, UInt8.self)
        compare(.int8, Int8.self)
        compare(.uint16, UInt16.self)
        compare(.int16, Int16.self)
        compare(.int32, Int32.self)
    }
}
