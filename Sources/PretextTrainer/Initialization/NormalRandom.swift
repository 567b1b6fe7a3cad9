import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seeded standard normal draws: the Box–Muller transform over SplitMix64 bits.
///
/// Each pair of uniforms `u1` in (0, 1] and `u2` in [0, 1) (top 53 bits of a SplitMix64 draw)
/// gives two independent normals `√(−2 ln u1) · cos(2π u2)` and `√(−2 ln u1) · sin(2π u2)`,
/// returned in that order. Written here rather than taken from a library so that a seed gives
/// the same weights with every toolchain; the stream differs from torch's `normal_`.
public struct NormalRandom: Sendable {
    private var generator: SplitMix64
    /// The sine half of the last pair, not yet returned.
    private var spare: Double?

    /// A stream starting from `seed`.
    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// The stream of `name` under `seed`: its own sequence, so that adding, removing or
    /// reordering other streams (parameters) does not change this one.
    public init(seed: UInt64, stream name: String) {
        self.init(seed: Self.streamSeed(seed, name))
    }

    /// A standard normal draw (mean 0, variance 1).
    public mutating func next() -> Double {
        if let spare {
            self.spare = nil
            return spare
        }
        // u1 in (0, 1]: never 0, so the logarithm is finite.
        let u1 = Double((generator.next() >> 11) + 1) * 0x1p-53
        let u2 = Double(generator.next() >> 11) * 0x1p-53
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spare = radius * sin(angle)
        return radius * cos(angle)
    }

    /// A normal draw with mean 0 and `standardDeviation`.
    public mutating func next(standardDeviation: Double) -> Double {
        next() * standardDeviation
    }

    /// The seed of stream `name`: the SplitMix64 finalizer over `seed` and the FNV-1a hash of
    /// the name's UTF-8 bytes (stable across runs, unlike `Hasher`).
    static func streamSeed(_ seed: UInt64, _ name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            // &*: FNV-1a is defined modulo 2^64.
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(SplitMix64.mix(seed) ^ hash)
    }
}
