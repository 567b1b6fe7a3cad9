import PretextCore

/// Derives independent seeds from the corpus seed, a stream tag and indices.
///
/// Every document, family and variant draws from its own generator, so that any one of them
/// can be regenerated alone (in any order) and the corpus can be written as a stream.
enum SeedMixer {
    /// The SplitMix64 finalizer: a bijective 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 { SplitMix64.mix(value) }

    /// A seed for item `index` (and `sub`) of stream `stream` under `seed`.
    static func seed(_ seed: UInt64, stream: SeedStream, index: Int, sub: Int = 0) -> UInt64 {
        var h = mix(seed &+ 0x9E37_79B9_7F4A_7C15)
        h = mix(h ^ stream.rawValue)
        h = mix(h ^ UInt64(truncatingIfNeeded: index))
        return mix(h ^ UInt64(truncatingIfNeeded: sub) &* 0xD6E8_FEB8_6659_FD93)
    }

    /// A generator for item `index` (and `sub`) of stream `stream` under `seed`.
    static func generator(_ seed: UInt64, stream: SeedStream, index: Int, sub: Int = 0) -> SplitMix64 {
        SplitMix64(seed: Self.seed(seed, stream: stream, index: index, sub: sub))
    }
}

/// The independent random streams of the generator.
enum SeedStream: UInt64 {
    case layout = 1
    case singleton = 2
    case familySource = 3
    case variant = 4
    case vocabulary = 5
}
