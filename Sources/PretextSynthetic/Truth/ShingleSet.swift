import PretextCore

/// The set of a text's shingles (see `ShingleTokenizer`), each kept as a 64-bit hash of the
/// shingle's tokens joined by a space (FNV-1a over the UTF-8 bytes, then the SplitMix64
/// finalizer). Two distinct shingles of a family collide with probability about n² / 2^65
/// (n ≈ 1,000), so the Jaccard similarities are exact for every practical purpose.
public struct ShingleSet: Sendable, Equatable {
    /// The hashes of the distinct shingles.
    public let hashes: Set<UInt64>

    /// The shingles of `text`, `size` tokens each.
    public init(_ text: String, size: Int = ShingleTokenizer.shingleSize) {
        let tokens = ShingleTokenizer.tokens(text)
        var hashes = Set<UInt64>(minimumCapacity: tokens.count)
        for window in ShingleTokenizer.windows(count: tokens.count, size: size) {
            hashes.insert(Self.hash(tokens[window]))
        }
        self.hashes = hashes
    }

    /// The number of distinct shingles.
    public var count: Int { hashes.count }

    /// |A ∩ B| / |A ∪ B|; 1 when both sets are empty.
    public func jaccard(_ other: ShingleSet) -> Double {
        let (small, large) = hashes.count <= other.hashes.count ? (hashes, other.hashes) : (other.hashes, hashes)
        let common = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        let union = hashes.count + other.hashes.count - common
        return union == 0 ? 1 : Double(common) / Double(union)
    }

    /// The Jaccard similarity of the shingle sets of two texts.
    public static func jaccard(_ a: String, _ b: String) -> Double {
        ShingleSet(a).jaccard(ShingleSet(b))
    }

    /// The hash of the tokens joined by single spaces.
    static func hash(_ tokens: ArraySlice<String>) -> UInt64 {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        for (offset, token) in tokens.enumerated() {
            if offset > 0 { state = (state ^ 0x20) &* 0x0000_0100_0000_01B3 }
            for byte in token.utf8 { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        return SeedMixer.mix(state)
    }
}
