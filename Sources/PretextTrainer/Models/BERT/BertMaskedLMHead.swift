/// BERT's masked-language-model head (transformers `BertLMPredictionHead`):
/// `logits = LayerNorm(GELU(dense(h))) · Eᵀ + bias`, with `E` the word embeddings.
///
/// Names: `cls.predictions.transform.dense`, `cls.predictions.transform.LayerNorm`,
/// `cls.predictions.bias` (RoBERTa's `RobertaLMHead`: `lm_head.{dense,layer_norm,bias}`;
/// ALBERT's `AlbertMLMHead`: `predictions.{dense,LayerNorm,bias}`, its dense layer H → E, its
/// LayerNorm of width E). The decoder weight is the word embedding table itself (one
/// ``Parameter``); transformers lists the decoder's weight and bias in `_tied_weights_keys`
/// (tied to the word embeddings and to the head's bias), so a checkpoint stores neither and
/// loading reports neither missing.
public final class BertMaskedLMHead: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:)``.
    public struct Cache: Sendable {
        let dense: Linear.Cache
        /// The dense layer's output, GELU's input.
        let preActivation: Matrix
        let norm: LayerNorm.Cache
        let decoder: Embedding.ProjectionCache
    }

    /// `cls.predictions.transform.dense`, H → E (E = H except in ALBERT).
    public let dense: Linear
    /// `cls.predictions.transform.LayerNorm`.
    public let norm: LayerNorm
    /// `cls.predictions.bias`, `[vocabulary]`; no weight decay.
    public let bias: Parameter
    /// The word embeddings, used as the decoder (tied).
    public let decoder: Embedding
    /// The transform's activation.
    public let activation: GELU

    /// A head decoding with `wordEmbeddings`, zeros (LayerNorm weight ones).
    public init(configuration: EncoderConfiguration, wordEmbeddings: Embedding) {
        let names = configuration.names.maskedLM
        let width = configuration.embeddingSize
        dense = Linear(name: names.dense, inputs: configuration.hiddenSize, outputs: width)
        norm = LayerNorm(name: names.norm, dimension: width, epsilon: Float(configuration.layerNormEpsilon))
        bias = Parameter(name: names.bias, shape: [configuration.vocabularySize], decays: false)
        decoder = wordEmbeddings
        activation = configuration.maskedLMActivation
    }

    /// The head's own parameters (not the tied decoder), in Hugging Face's order.
    public var parameters: [Parameter] { [bias] + BertLayer.parameters(dense) + [norm.weight, norm.bias] }

    /// The vocabulary logits of `hidden` (`[rows, H]`), `[rows, vocabulary]`.
    public func forward(_ hidden: Matrix) -> (output: Matrix, cache: Cache) {
        let (preActivation, denseCache) = dense.forward(hidden)
        let (transformed, normCache) = norm.forward(activation.forward(preActivation))
        var (logits, decoderCache) = decoder.project(transformed)
        let vocabulary = logits.columns
        bias.value.withUnsafeBufferPointer { bias in
            logits.values.withUnsafeMutableBufferPointer { logits in
                // Row `row` of the logits is `vocabulary` values from `row × vocabulary`; the
                // bias holds `vocabulary` values.
                for row in 0..<(logits.count / max(1, vocabulary)) {
                    for column in 0..<vocabulary { logits[row * vocabulary + column] += bias[column] }
                }
            }
        }
        let cache = Cache(dense: denseCache, preActivation: preActivation, norm: normCache, decoder: decoderCache)
        return (logits, cache)
    }

    /// The input gradient, given the logits' gradient; adds the gradients of the bias, the
    /// transform and the word embeddings (as the decoder).
    public func backward(_ gradOutput: Matrix, cache: Cache) -> Matrix {
        gradOutput.addColumnSums(into: &bias.gradient)
        let gradTransformed = decoder.projectBackward(gradOutput, cache: cache.decoder)
        let gradActivation = norm.backward(gradTransformed, cache: cache.norm)
        let gradPreActivation = activation.backward(gradActivation, input: cache.preActivation)
        return dense.backward(gradPreActivation, cache: cache.dense)
    }
}
