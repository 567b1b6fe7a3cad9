import PretextCore

/// T5's noise mask (`random_spans_noise_mask`) as span lengths: non-noise and noise spans
/// alternate, non-noise first, so a chunk ends with noise.
struct T5NoiseMask: Equatable {
    /// The non-noise span lengths, in order.
    var nonNoise: [Int]
    /// The noise span lengths, in order (as many as `nonNoise`).
    var noise: [Int]

    /// The mask of a chunk of `length` tokens (≥ 2): the noise tokens segmented into spans
    /// first, then the non-noise tokens, both drawn from `random`.
    init(length: Int, density: Double, meanSpan: Double, random: inout ExampleRandom) {
        let counts = T5SpanLengths.noise(length: length, density: density, meanSpan: meanSpan)
        noise = Self.randomSegmentation(items: counts.tokens, segments: counts.spans, random: &random)
        nonNoise = Self.randomSegmentation(items: length - counts.tokens, segments: counts.spans, random: &random)
    }

    /// T5's `_random_segmentation`: `items` cut into `segments` non-empty parts, the cuts
    /// chosen uniformly by shuffling `segments − 1` ones and `items − segments` zeros (a one
    /// starts a new part at the item after the first) — T5's algorithm, our random stream.
    static func randomSegmentation(items: Int, segments: Int, random: inout ExampleRandom) -> [Int] {
        precondition(segments >= 1 && items >= segments, "a segmentation needs 1 ≤ segments ≤ items")
        var starts = (0..<(items - 1)).map { $0 < segments - 1 }
        random.shuffle(&starts)
        var lengths = [1]
        lengths.reserveCapacity(segments)
        for start in starts {
            if start { lengths.append(1) } else { lengths[lengths.count - 1] += 1 }
        }
        return lengths
    }
}
