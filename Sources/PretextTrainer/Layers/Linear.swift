/// A fully connected layer, `y = x · Wᵀ + b`, with its weight stored as the checkpoint stores it.
///
/// `WeightLayout.outputsByInputs` is PyTorch's `nn.Linear` (BERT): `weight` is `[out, in]`.
/// `WeightLayout.inputsByOutputs` is GPT-2's `Conv1D`: `weight` is `[in, out]` and `y = x · W + b`.
/// Either way the products run on sgemm with the transpose flags the layout needs, so a
/// checkpoint's tensors are used as they are.
public final class Linear: Sendable {
    /// How a weight matrix is laid out.
    public enum WeightLayout: Sendable, Equatable {
        /// `[out, in]`, as `torch.nn.Linear`.
        case outputsByInputs
        /// `[in, out]`, as Hugging Face's GPT-2 `Conv1D`.
        case inputsByOutputs
    }

    /// What ``backward(_:cache:)`` needs from ``forward(_:)``: the input.
    public struct Cache: Sendable {
        /// The forward pass's input, `[rows, inputs]`.
        public let input: Matrix
    }

    /// The weight, `NAME.weight`, shaped by ``layout``; weight decay applies.
    public let weight: Parameter
    /// The bias, `NAME.bias`, `[outputs]`; no weight decay. `nil` for a layer without one.
    public let bias: Parameter?
    /// The layout of ``weight``.
    public let layout: WeightLayout
    /// The input width.
    public let inputs: Int
    /// The output width.
    public let outputs: Int

    /// A layer named `name` (the module's name, e.g. `bert.encoder.layer.0.attention.self.query`,
    /// to which `.weight` and `.bias` are appended), with zero weight and bias.
    public init(name: String, inputs: Int, outputs: Int, layout: WeightLayout = .outputsByInputs, bias: Bool = true) {
        let shape = layout == .outputsByInputs ? [outputs, inputs] : [inputs, outputs]
        self.weight = Parameter(name: name + ".weight", shape: shape, decays: true)
        self.bias = bias ? Parameter(name: name + ".bias", shape: [outputs], decays: false) : nil
        self.layout = layout
        self.inputs = inputs
        self.outputs = outputs
    }

    /// The weight as a matrix of its stored shape.
    private var weightMatrix: Matrix { weight.valueMatrix }

    /// `x · Wᵀ + b` (`x · W + b` for `inputsByOutputs`) for `input` of `[rows, inputs]`.
    public func forward(_ input: Matrix) -> (output: Matrix, cache: Cache) {
        precondition(input.columns == inputs, "the input has the layer's input width")
        var output =
            bias.map { Matrix.repeating($0.value, rows: input.rows) } ?? Matrix(rows: input.rows, columns: outputs)
        BLAS.multiply(
            input, weightMatrix, transposeB: layout == .outputsByInputs, beta: bias == nil ? 0 : 1, into: &output)
        return (output, Cache(input: input))
    }

    /// The input gradient `dy · W` (`dy · Wᵀ` for `inputsByOutputs`); adds `dyᵀ · x` (`xᵀ · dy`)
    /// to the weight's gradient and the column sums of `dy` to the bias's.
    public func backward(_ gradOutput: Matrix, cache: Cache) -> Matrix {
        precondition(gradOutput.columns == outputs && gradOutput.rows == cache.input.rows, "dy has the output's shape")
        accumulateWeightGradient(gradOutput, input: cache.input)
        if let bias { gradOutput.addColumnSums(into: &bias.gradient) }
        return BLAS.product(gradOutput, weightMatrix, transposeB: layout == .inputsByOutputs)
    }

    /// Adds `∂loss/∂W` to the weight's gradient (sgemm with beta 1).
    private func accumulateWeightGradient(_ gradOutput: Matrix, input: Matrix) {
        weight.accumulateGradient { gradient in
            switch layout {
            case .outputsByInputs: BLAS.multiply(gradOutput, input, transposeA: true, beta: 1, into: &gradient)
            case .inputsByOutputs: BLAS.multiply(input, gradOutput, transposeA: true, beta: 1, into: &gradient)
            }
        }
    }
}
