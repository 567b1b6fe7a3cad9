/// The random draws of the example generators and the loader's dynamic masking, with
/// algorithms written here (not the standard
/// library's, which may change between toolchains), so a seed gives the same examples
/// everywhere: SplitMix64 bits, `uniform(below:)` by Lemire's multiply-and-reject, `unit()`
/// from the top 53 bits, and Python's `random.shuffle` order (Fisher–Yates from the end).
///
/// The draws mirror the reference scripts' calls (`rng.random()`, `rng.randint(a, b)`,
/// `rng.shuffle(x)`); the stream itself differs from Python's Mersenne Twister.
public struct ExampleRandom: Sendable {
    private var generator: SplitMix64

    /// A stream starting from `seed`.
    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    /// 64 random bits.
    public mutating func next() -> UInt64 { generator.next() }

    /// A uniform integer in `0..<bound` (`bound` > 0).
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            // Lemire: reject the low values that would bias the result.
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// A uniform integer in `low...high`, as Python's `randint(low, high)`.
    public mutating func integer(_ low: Int, _ high: Int) -> Int {
        low + uniform(below: high - low + 1)
    }

    /// A uniform double in [0, 1), as Python's `random()`.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Shuffles `values` in place in Python's order: for i from the end down to 1, swap with a
    /// uniform j in 0...i.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            values.swapAt(i, uniform(below: i + 1))
        }
    }
}
