/// A document's MinHash signature reduced to 4 bits per hash for its first 128 hashes
/// (b-bit MinHash, b = 4), packed in 64 bytes: enough to check a candidate pair's similarity
/// where the pair is found, without the full signature.
///
/// Two sketches agree at a position when the signatures do (probability `J`, the Jaccard
/// similarity) or by chance when they do not (1/16), so
/// `Ĵ = (agreement − 1/16) / (1 − 1/16)`, with a standard error of about 0.045 at J = 0.72
/// for 112 hashes.
public struct DocumentSketch: Sendable, Equatable {
    /// The most positions a sketch holds; longer signatures keep their first 128 hashes.
    public static let capacity = 128

    /// Position `2i` in the low nibble of byte `i`, position `2i + 1` in the high nibble.
    public var nibbles: SIMD64<UInt8>

    /// An empty sketch (every position 0).
    public init() { nibbles = SIMD64(repeating: 0) }

    /// The sketch of `signature` (positions past its length stay 0 in every sketch, so they
    /// agree and are subtracted by `similarity`).
    public init(signature: [UInt64]) {
        self.init()
        for (index, value) in signature.prefix(Self.capacity).enumerated() {
            let nibble = UInt8(truncatingIfNeeded: value) & 0x0F
            nibbles[index / 2] |= index % 2 == 0 ? nibble : nibble << 4
        }
    }

    init(nibbles: SIMD64<UInt8>) { self.nibbles = nibbles }

    /// The estimated Jaccard similarity of two documents whose signatures have `hashCount` hashes.
    public func similarity(to other: DocumentSketch, hashCount: Int) -> Double {
        let used = min(hashCount, Self.capacity)
        guard used > 0 else { return 0 }
        let difference = nibbles ^ other.nibbles
        let zero = SIMD64<UInt8>(repeating: 0)
        let one = SIMD64<UInt8>(repeating: 1)
        let lowAgree = zero.replacing(with: one, where: (difference & 0x0F) .== 0)
        let highAgree = zero.replacing(with: one, where: (difference & 0xF0) .== 0)
        // Each lane is 0, 1 or 2, so the 64-lane sum (≤ 128) does not wrap.
        let agreeing = Int((lowAgree &+ highAgree).wrappedSum())
        let share = Double(agreeing - (Self.capacity - used)) / Double(used)
        return max(0, min(1, (share - 1.0 / 16) / (1 - 1.0 / 16)))
    }
}
