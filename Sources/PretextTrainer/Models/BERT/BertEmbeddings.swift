/// BERT's input embeddings (transformers `BertEmbeddings`): the sum of the word, position and
/// token type (segment) vectors of each token, layer-normalized.
///
/// `e = LayerNorm(word[id] + position[i] + token_type[segment])`. Names are Hugging Face's
/// (`bert.embeddings.word_embeddings.weight`, …, `bert.embeddings.LayerNorm.{weight,bias}`). The
/// word table is also the MLM decoder's weight (``BertMaskedLMHead``), so its gradient gets
/// both contributions.
public final class BertEmbeddings: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:)``.
    public struct Cache: Sendable {
        let inputs: EncoderInputs
        let norm: LayerNorm.Cache
    }

    /// The word table, `[vocabulary, H]`.
    public let word: Embedding
    /// The position table, `[max positions, H]`.
    public let position: Embedding
    /// The segment table, `[type vocabulary, H]`.
    public let tokenType: Embedding
    /// The LayerNorm after the sum.
    public let norm: LayerNorm

    /// Embeddings of `configuration`'s sizes, zeros (LayerNorm weight ones), named
    /// `{prefix}embeddings.…` (`prefix` "bert." inside a model with heads, "" for `BertModel`).
    public init(configuration: EncoderConfiguration, prefix modelPrefix: String = "bert.") {
        let (prefix, width) = (modelPrefix + "embeddings.", configuration.hiddenSize)
        word = Embedding(
            name: prefix + "word_embeddings", vocabulary: configuration.vocabularySize, dimension: width)
        position = Embedding(
            name: prefix + "position_embeddings", vocabulary: configuration.maxPositions, dimension: width)
        tokenType = Embedding(
            name: prefix + "token_type_embeddings", vocabulary: configuration.typeVocabularySize, dimension: width)
        norm = LayerNorm(name: prefix + "LayerNorm", dimension: width, epsilon: Float(configuration.layerNormEpsilon))
    }

    /// The parameters, in Hugging Face's order.
    public var parameters: [Parameter] { [word.weight, position.weight, tokenType.weight, norm.weight, norm.bias] }

    /// The embedded tokens, `[batch × sequence, H]`.
    public func forward(_ inputs: EncoderInputs) -> (output: Matrix, cache: Cache) {
        let sum = word.forward(inputs.ids).adding(position.forward(inputs.positions))
            .adding(tokenType.forward(inputs.segments))
        let (output, normCache) = norm.forward(sum)
        return (output, Cache(inputs: inputs, norm: normCache))
    }

    /// Adds the gradients of the three tables and the LayerNorm, given the output's gradient.
    public func backward(_ gradOutput: Matrix, cache: Cache) {
        let gradSum = norm.backward(gradOutput, cache: cache.norm)
        word.backward(gradSum, ids: cache.inputs.ids)
        position.backward(gradSum, ids: cache.inputs.positions)
        tokenType.backward(gradSum, ids: cache.inputs.segments)
    }
}
