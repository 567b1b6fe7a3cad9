/// A trainable tensor of a model: its checkpoint name, shape, values and gradient.
///
/// A class, so that layers, the optimizer and the checkpoint writer share one instance (a tied
/// weight, such as the MLM decoder and the word embeddings, is one `Parameter` used twice).
/// Values and gradients are row-major `Float` arrays of `shape` multiplied out. `decays` says
/// whether AdamW's weight decay applies (not to biases and LayerNorm weights).
///
/// `@unchecked Sendable`: a model is trained from one thread at a time; kernels that split work
/// across threads touch disjoint ranges of `value` and `gradient`.
public final class Parameter: @unchecked Sendable {
    /// The name in checkpoints (Hugging Face's, e.g. `bert.encoder.layer.0.attention.self.query.weight`).
    public let name: String
    /// The dimensions, outermost first (a linear layer's weight is `[out, in]`, as in PyTorch).
    public let shape: [Int]
    /// The values, row-major.
    public var value: [Float]
    /// The gradient of the loss with respect to `value`, accumulated by backward passes.
    public var gradient: [Float]
    /// Whether AdamW's weight decay applies.
    public let decays: Bool

    /// A parameter of `shape` holding `value` (zeros when `nil`), with a zero gradient.
    public init(name: String, shape: [Int], value: [Float]? = nil, decays: Bool) {
        let count = shape.reduce(1, *)
        precondition(value == nil || value!.count == count, "a value of the shape's size")
        self.name = name
        self.shape = shape
        self.value = value ?? [Float](repeating: 0, count: count)
        self.gradient = [Float](repeating: 0, count: count)
        self.decays = decays
    }

    /// The number of values.
    public var count: Int { value.count }

    /// Sets the gradient to zero.
    public func zeroGradient() {
        gradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }
}
