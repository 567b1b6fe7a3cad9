/// How one parameter's values are set at initialization.
public enum InitializationRule: Sendable, Equatable {
    /// Normal draws with mean 0 and `standardDeviation`; row `zeroRow` (an embedding's padding
    /// row) is then set to zero, as `nn.Embedding`'s `padding_idx` leaves it.
    case normal(standardDeviation: Double, zeroRow: Int? = nil)
    /// All zeros (biases, LayerNorm biases).
    case zeros
    /// All ones (LayerNorm weights).
    case ones
}
