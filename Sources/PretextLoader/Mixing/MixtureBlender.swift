/// Megatron's blending rule (`megatron/core/datasets/helpers.cpp`, `build_blending_indices`):
/// sample `i` of the mixed stream goes to the source maximizing `weight · max(i, 1) − taken`,
/// where the weights are normalized to sum 1 and `taken` counts the samples a source got
/// before `i`; on a tie the lowest source index wins.
///
/// The greedy rule keeps every prefix of the stream at the mixture: after `n` samples each
/// source has had within one sample of `weight · n`. Applied to a stored `taken` vector it
/// continues any earlier stream, also after the weights or the sources changed (the deficits
/// steer the stream back to the new mixture).
public struct MixtureBlender: Sendable, Hashable {
    /// The normalized weights (summing to 1), in source order.
    public let weights: [Double]

    /// A blender for sources of these weights (each finite and positive, at least one).
    public init(weights: [Double]) {
        precondition(!weights.isEmpty && weights.allSatisfy { $0.isFinite && $0 > 0 }, "weights must be positive")
        let total = weights.reduce(0, +)
        self.weights = weights.map { $0 / total }
    }

    /// The source of sample `index` given how many samples each source has taken so far.
    public func source(ofSample index: Int, taken: [Int]) -> Int {
        let scale = Double(max(index, 1))
        var best = 0
        var bestError = weights[0] * scale - Double(taken[0])
        for source in 1..<weights.count {
            let error = weights[source] * scale - Double(taken[source])
            if error > bestError {
                best = source
                bestError = error
            }
        }
        return best
    }
}
