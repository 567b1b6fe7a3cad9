/// One post-LN encoder layer of BERT (transformers `BertLayer`; RoBERTa's is the same, and
/// ALBERT's `AlbertLayer` computes the same under other names).
///
/// With `x` the layer's input (`[rows, H]`):
/// `a = x + attention.output.dense(MHA(query(x), key(x), value(x)))`,
/// `h = attention.output.LayerNorm(a)`,
/// `f = h + output.dense(GELU(intermediate.dense(h)))`, and the output is `output.LayerNorm(f)`.
/// Every linear weight is `[out, in]` (`nn.Linear`); names are ``EncoderLayerNames``'s, e.g.
/// `bert.encoder.layer.N.{attention.self.{query,key,value}, attention.output.dense,
/// attention.output.LayerNorm, intermediate.dense, output.dense, output.LayerNorm}`.
/// No dropout. A layer used for several passes (ALBERT) adds each pass's gradients.
public final class BertLayer: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:mask:batch:sequence:)``.
    public struct Cache: Sendable {
        let query: Linear.Cache
        let key: Linear.Cache
        let value: Linear.Cache
        let attention: MultiHeadAttention.Cache
        let attentionOutput: Linear.Cache
        let attentionNorm: LayerNorm.Cache
        let intermediate: Linear.Cache
        /// The intermediate layer's output, GELU's input.
        let preActivation: Matrix
        let output: Linear.Cache
        let outputNorm: LayerNorm.Cache
    }

    /// `attention.self.query`.
    public let query: Linear
    /// `attention.self.key`.
    public let key: Linear
    /// `attention.self.value`.
    public let value: Linear
    /// The scaled dot-product attention over the heads.
    public let attention: MultiHeadAttention
    /// `attention.output.dense`.
    public let attentionOutput: Linear
    /// `attention.output.LayerNorm`.
    public let attentionNorm: LayerNorm
    /// `intermediate.dense`, H → intermediate size.
    public let intermediate: Linear
    /// `output.dense`, intermediate size → H.
    public let output: Linear
    /// `output.LayerNorm`.
    public let outputNorm: LayerNorm
    /// The feed-forward activation.
    public let activation: GELU

    /// Layer `index` of an encoder of `configuration`, under the variant's names, zeros
    /// (LayerNorm weights ones).
    public convenience init(index: Int, configuration: EncoderConfiguration) {
        self.init(names: configuration.names.layer(index), configuration: configuration)
    }

    /// A layer of `configuration`'s sizes named `names`, zeros (LayerNorm weights ones).
    public init(names: EncoderLayerNames, configuration: EncoderConfiguration) {
        let (width, inner) = (configuration.hiddenSize, configuration.intermediateSize)
        let epsilon = Float(configuration.layerNormEpsilon)
        query = Linear(name: names.query, inputs: width, outputs: width)
        key = Linear(name: names.key, inputs: width, outputs: width)
        value = Linear(name: names.value, inputs: width, outputs: width)
        attention = MultiHeadAttention(heads: configuration.heads, headDimension: configuration.headDimension)
        attentionOutput = Linear(name: names.attentionOutput, inputs: width, outputs: width)
        attentionNorm = LayerNorm(name: names.attentionNorm, dimension: width, epsilon: epsilon)
        intermediate = Linear(name: names.intermediate, inputs: width, outputs: inner)
        output = Linear(name: names.output, inputs: inner, outputs: width)
        outputNorm = LayerNorm(name: names.outputNorm, dimension: width, epsilon: epsilon)
        activation = configuration.activation
    }

    /// The parameters, in Hugging Face's order.
    public var parameters: [Parameter] {
        [query, key, value, attentionOutput].flatMap(Self.parameters)
            + [attentionNorm.weight, attentionNorm.bias] + Self.parameters(intermediate)
            + Self.parameters(output) + [outputNorm.weight, outputNorm.bias]
    }

    /// A linear layer's weight and bias.
    static func parameters(_ linear: Linear) -> [Parameter] { [linear.weight] + (linear.bias.map { [$0] } ?? []) }

    /// The layer's output for `input`, `[batch × sequence, H]`.
    public func forward(
        _ input: Matrix, mask: AttentionMask, batch: Int, sequence: Int
    ) -> (output: Matrix, cache: Cache) {
        let (q, queryCache) = query.forward(input)
        let (k, keyCache) = key.forward(input)
        let (v, valueCache) = value.forward(input)
        let (context, attentionCache) = attention.forward(
            query: q, key: k, value: v, batch: batch, sequence: sequence, mask: mask)
        let (projected, attentionOutputCache) = attentionOutput.forward(context)
        let (hidden, attentionNormCache) = attentionNorm.forward(projected.adding(input))
        let (preActivation, intermediateCache) = intermediate.forward(hidden)
        let (feedForward, outputCache) = output.forward(activation.forward(preActivation))
        let (result, outputNormCache) = outputNorm.forward(feedForward.adding(hidden))
        let cache = Cache(
            query: queryCache, key: keyCache, value: valueCache, attention: attentionCache,
            attentionOutput: attentionOutputCache, attentionNorm: attentionNormCache, intermediate: intermediateCache,
            preActivation: preActivation, output: outputCache, outputNorm: outputNormCache)
        return (result, cache)
    }
}
