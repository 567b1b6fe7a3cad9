/// GPT-2 with its language-model head, as transformers' `GPT2LMHeadModel` (`modeling_gpt2.py`):
/// token and position embeddings, ``DecoderConfiguration/layers`` pre-LayerNorm blocks
/// (``GPT2Block``), a final LayerNorm and logits from the token embeddings, tied.
///
///     h = wte[ids] + wpe[position ids]
///     h = block_N(… block_0(h))
///     logits = ln_f(h) · wteᵀ
///
/// Parameters carry transformers' names and shapes (`transformer.wte.weight` `[V, E]`,
/// `transformer.wpe.weight` `[n_positions, E]`, `transformer.h.N.…`, `transformer.ln_f.…`), so
/// ``SafetensorsFile`` writes a checkpoint `from_pretrained` loads. `lm_head.weight` is the same
/// tensor as `transformer.wte.weight` and is stored once, under the embedding's name, as
/// `save_pretrained` does for tied weights. The attention's `attn.bias` (causal mask) and
/// `attn.masked_bias` are buffers, not parameters, and current transformers registers them with
/// `persistent=False`, so they are not in checkpoints and not here.
///
/// No dropout (the config written says 0). Not thread safe (see ``TrainableModel``).
public final class GPT2LMHeadModel: TrainableModel {
    /// The sizes and options.
    public let configuration: DecoderConfiguration
    /// `transformer.wte`: the token embeddings, also the output projection.
    let tokenEmbedding: Embedding
    /// `transformer.wpe`: the position embeddings.
    let positionEmbedding: Embedding
    /// `transformer.h`.
    let blocks: [GPT2Block]
    /// `transformer.ln_f`.
    let finalNorm: LayerNorm

    /// Every parameter once, in transformers' `state_dict` order.
    public let parameters: [Parameter]

    /// A model of `configuration`, initialized as `GPT2PreTrainedModel._init_weights` does
    /// (``WeightInitialization/gpt2(seed:initializerRange:layerCount:)``) from `seed`.
    /// - Throws: `.invalidConfiguration` from ``DecoderConfiguration/validate()``.
    public init(_ configuration: DecoderConfiguration, seed: UInt64 = 0) throws {
        try configuration.validate()
        self.configuration = configuration
        tokenEmbedding = Embedding(
            name: "transformer.wte", vocabulary: configuration.vocabulary, dimension: configuration.embedding)
        positionEmbedding = Embedding(
            name: "transformer.wpe", vocabulary: configuration.positions, dimension: configuration.embedding)
        blocks = (0..<configuration.layers).map { GPT2Block(index: $0, configuration: configuration) }
        finalNorm = LayerNorm(
            name: "transformer.ln_f", dimension: configuration.embedding, epsilon: Float(configuration.layerNormEpsilon)
        )
        parameters =
            [tokenEmbedding.weight, positionEmbedding.weight] + blocks.flatMap(\.parameters)
            + [finalNorm.weight, finalNorm.bias]
        try WeightInitialization.gpt2(
            seed: seed, initializerRange: configuration.initializerRange, layerCount: configuration.layers
        ).initialize(parameters)
    }

    /// The `config.json`: ``DecoderConfiguration/file``.
    public var configurationFile: any ModelConfigurationFile { configuration.file }
}
