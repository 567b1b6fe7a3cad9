/// BERT's pooler (transformers `BertPooler`): `tanh(dense(h₀))` of each example's first token
/// (`[CLS]`), the input of the NSP/SOP head. Named `bert.pooler.dense` (ALBERT:
/// `albert.pooler`, the same computation).
public final class BertPooler: Sendable {
    /// What ``backward(_:cache:into:)`` needs from ``forward(_:batch:sequence:)``.
    public struct Cache: Sendable {
        let dense: Linear.Cache
        /// The pooled output, tanh's output.
        let output: Matrix
        /// The rows of the first tokens.
        let rows: [Int]
    }

    /// `bert.pooler.dense`, H → H.
    public let dense: Linear

    /// A pooler of width `hiddenSize` whose linear layer is `name`, zeros.
    public init(name: String = "bert.pooler.dense", hiddenSize: Int) {
        dense = Linear(name: name, inputs: hiddenSize, outputs: hiddenSize)
    }

    /// The parameters, in Hugging Face's order.
    public var parameters: [Parameter] { BertLayer.parameters(dense) }

    /// One pooled vector per example, `[batch, H]`, from the hidden states `[batch × sequence, H]`.
    public func forward(_ hidden: Matrix, batch: Int, sequence: Int) -> (output: Matrix, cache: Cache) {
        let rows = BertRows.firstRows(batch: batch, sequence: sequence)
        let (projected, denseCache) = dense.forward(BertRows.gather(hidden, rows: rows))
        let output = BertElementWise.tanh(projected)
        return (output, Cache(dense: denseCache, output: output, rows: rows))
    }

    /// Adds the dense layer's gradients and the first tokens' gradients into `gradHidden`.
    public func backward(_ gradOutput: Matrix, cache: Cache, into gradHidden: inout Matrix) {
        let gradProjected = BertElementWise.tanhBackward(gradOutput, output: cache.output)
        BertRows.scatterAdd(dense.backward(gradProjected, cache: cache.dense), rows: cache.rows, into: &gradHidden)
    }
}
