/// BERT's input embeddings (transformers `BertEmbeddings`): the sum of the word, position and
/// token type (segment) vectors of each token, layer-normalized.
///
/// `e = LayerNorm(word[id] + position[p] + token_type[segment])`, of width E
/// (``EncoderConfiguration/embeddingSize``: H except in ALBERT). The position id `p` is the
/// token's index, or RoBERTa's (``EncoderInputs/positions(for:)``). Names are Hugging Face's
/// (`bert.embeddings.word_embeddings.weight`, …, `bert.embeddings.LayerNorm.{weight,bias}`;
/// `roberta.…`, `albert.…`). The word table is also the MLM decoder's weight
/// (``BertMaskedLMHead``), so its gradient gets both contributions.
public final class BertEmbeddings: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(_:)``.
    public struct Cache: Sendable {
        let inputs: EncoderInputs
        /// The position id of every row.
        let positions: [Int32]
        let norm: LayerNorm.Cache
    }

    /// The sizes and variant.
    public let configuration: EncoderConfiguration
    /// The word table, `[vocabulary, E]`.
    public let word: Embedding
    /// The position table, `[max positions, E]`.
    public let position: Embedding
    /// The segment table, `[type vocabulary, E]`.
    public let tokenType: Embedding
    /// The LayerNorm after the sum.
    public let norm: LayerNorm

    /// Embeddings of `configuration`'s sizes, zeros (LayerNorm weight ones), named after
    /// `names.embeddings` (`nil`: the variant's names in a model with heads).
    public init(configuration: EncoderConfiguration, names: EncoderNames? = nil) {
        self.configuration = configuration
        let (prefix, width) = ((names ?? configuration.names).embeddings + ".", configuration.embeddingSize)
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

    /// The embedded tokens, `[batch × sequence, E]`.
    public func forward(_ inputs: EncoderInputs) -> (output: Matrix, cache: Cache) {
        let positions = inputs.positions(for: configuration)
        let sum = word.forward(inputs.ids).adding(position.forward(positions))
            .adding(tokenType.forward(inputs.segments))
        let (output, normCache) = norm.forward(sum)
        return (output, Cache(inputs: inputs, positions: positions, norm: normCache))
    }

    /// Adds the gradients of the three tables and the LayerNorm, given the output's gradient.
    public func backward(_ gradOutput: Matrix, cache: Cache) {
        let gradSum = norm.backward(gradOutput, cache: cache.norm)
        word.backward(gradSum, ids: cache.inputs.ids)
        position.backward(gradSum, ids: cache.positions)
        tokenType.backward(gradSum, ids: cache.inputs.segments)
    }
}
