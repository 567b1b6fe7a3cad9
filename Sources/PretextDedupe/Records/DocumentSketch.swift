import PretextStore

/// A document's MinHash signature reduced to one byte per hash (b-bit MinHash, b = 8), for
/// checking a candidate pair's similarity without the full signature: 8 + 128 bytes.
///
/// Two sketches agree at a position when the signatures do (probability `J`, the Jaccard
/// similarity) or by chance when they do not (1/256), so `J ≈ (agreement − 1/256) / (1 − 1/256)`
/// with a standard error of about `√(J(1 − J)/n)` for `n` positions (0.04 at J = 0.72, n = 112).
public struct DocumentSketch: FixedWidthRecord {
    public static let byteCount = 8 + 128
    /// The most positions a sketch holds; longer signatures keep their first 128 hashes.
    public static let capacity = 128

    /// The document's rowid in the input catalog.
    public var document: UInt64
    /// Positions 0–63 (the low byte of each hash).
    public var low: SIMD64<UInt8>
    /// Positions 64–127.
    public var high: SIMD64<UInt8>

    /// The sketch of `signature` (positions past its length stay 0 in every sketch, so they
    /// agree and are subtracted by `similarity`).
    public init(document: UInt64, signature: [UInt64]) {
        self.document = document
        low = SIMD64(repeating: 0)
        high = SIMD64(repeating: 0)
        for (index, value) in signature.prefix(Self.capacity).enumerated() {
            if index < 64 {
                low[index] = UInt8(truncatingIfNeeded: value)
            } else {
                high[index - 64] = UInt8(truncatingIfNeeded: value)
            }
        }
    }

    public init(loading pointer: UnsafeRawPointer) {
        document = pointer.loadUnaligned(as: UInt64.self)
        low = pointer.loadUnaligned(fromByteOffset: 8, as: SIMD64<UInt8>.self)
        high = pointer.loadUnaligned(fromByteOffset: 72, as: SIMD64<UInt8>.self)
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: document, as: UInt64.self)
        pointer.storeBytes(of: low, toByteOffset: 8, as: SIMD64<UInt8>.self)
        pointer.storeBytes(of: high, toByteOffset: 72, as: SIMD64<UInt8>.self)
    }

    public static func < (lhs: DocumentSketch, rhs: DocumentSketch) -> Bool { lhs.document < rhs.document }

    /// The estimated Jaccard similarity of two documents whose signatures have `hashCount` hashes.
    public func similarity(to other: DocumentSketch, hashCount: Int) -> Double {
        let used = min(hashCount, Self.capacity)
        guard used > 0 else { return 0 }
        let ones = SIMD64<UInt8>(repeating: 1)
        let zeros = SIMD64<UInt8>(repeating: 0)
        let agreeing =
            Int(zeros.replacing(with: ones, where: low .== other.low).wrappedSum())
            + Int(zeros.replacing(with: ones, where: high .== other.high).wrappedSum())
        // `wrappedSum` of 64 ones cannot wrap (64 < 256); unused positions always agree.
        let share = Double(agreeing - (Self.capacity - used)) / Double(used)
        return max(0, min(1, (share - 1.0 / 256) / (1 - 1.0 / 256)))
    }
}
