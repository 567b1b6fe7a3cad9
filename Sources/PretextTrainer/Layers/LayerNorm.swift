/// Layer normalization over the features of each row, with a learned scale and shift, as
/// PyTorch's `nn.LayerNorm` (biased variance; ε 1e-12 in BERT, 1e-5 in GPT-2).
public final class LayerNorm: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:)``.
    public struct Cache: Sendable {
        /// The normalized input `x̂` and `1/√(var + ε)` of each row.
        let saved: LayerNormKernel.Saved
    }

    /// The scale γ, `NAME.weight`, `[dimension]`, ones at first; no weight decay.
    public let weight: Parameter
    /// The shift β, `NAME.bias`, `[dimension]`, zeros at first; no weight decay.
    public let bias: Parameter
    /// ε, added to the variance.
    public let epsilon: Float

    /// A layer named `name` (e.g. `bert.embeddings.LayerNorm`; `.weight` and `.bias` are
    /// appended) over rows of `dimension` features.
    public init(name: String, dimension: Int, epsilon: Float) {
        weight = Parameter(
            name: name + ".weight", shape: [dimension], value: [Float](repeating: 1, count: dimension), decays: false)
        bias = Parameter(name: name + ".bias", shape: [dimension], decays: false)
        self.epsilon = epsilon
    }

    /// The normalized, scaled and shifted rows of `input`.
    public func forward(_ input: Matrix) -> (output: Matrix, cache: Cache) {
        let (output, saved) = LayerNormKernel.forward(input, weight: weight.value, bias: bias.value, epsilon: epsilon)
        return (output, Cache(saved: saved))
    }

    /// The input gradient; adds `Σ dy ⊙ x̂` to the weight's gradient and `Σ dy` to the bias's.
    public func backward(_ gradOutput: Matrix, cache: Cache) -> Matrix {
        LayerNormKernel.backward(
            gradOutput, saved: cache.saved, weight: weight.value, weightGradient: &weight.gradient,
            biasGradient: &bias.gradient)
    }
}
