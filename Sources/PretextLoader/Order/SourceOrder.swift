import PretextCore

/// The order in which one source's examples are read, epoch after epoch: position `p` of the
/// source's stream is epoch `p / count`, and inside it the example that epoch's permutation puts
/// at `p % count`. Each epoch covers every example exactly once; a new epoch has a new
/// permutation (its key mixes the source key with the epoch).
public struct SourceOrder: Sendable, Hashable {
    /// The number of examples of the source.
    public let count: Int
    /// The window size of a shuffled order in examples, `nil` for storage order.
    public let windowSize: Int?
    /// The source's key (from the loader seed and the source name).
    public let key: UInt64

    /// An order of `count` (≥ 1) examples: shuffled in windows of `windowSize`, or in storage
    /// order when `windowSize` is `nil`.
    public init(count: Int, windowSize: Int?, key: UInt64) {
        precondition(count >= 1, "an order needs at least one example")
        self.count = count
        self.windowSize = windowSize
        self.key = key
    }

    /// The key of a source named `name` under the loader seed `seed`: the order of a source does
    /// not depend on the other sources, nor on its place in the list.
    public static func key(seed: UInt64, sourceName name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325  // FNV-1a, 64 bits.
        for byte in name.utf8 {
            // &*: FNV is defined modulo 2^64.
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return SplitMix64.mix(seed ^ SplitMix64.mix(hash))
    }

    /// The permutation of epoch `epoch` (`nil` in storage order).
    public func permutation(epoch: Int) -> WindowedPermutation? {
        // &+: key derivation is defined modulo 2^64.
        windowSize.map {
            WindowedPermutation(count: count, windowSize: $0, key: SplitMix64.mix(key &+ UInt64(epoch) &+ 1))
        }
    }

    /// The epoch and example at position `position` (≥ 0) of the source's stream.
    public func example(atPosition position: Int) -> (epoch: Int, example: Int) {
        let epoch = position / count
        let offset = position % count
        return (epoch, permutation(epoch: epoch).map { $0(offset) } ?? offset)
    }
}
