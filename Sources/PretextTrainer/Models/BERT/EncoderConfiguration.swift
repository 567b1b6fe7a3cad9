import PretextCore

/// The shape and objectives of a BERT-style encoder (``BertForPreTraining``): the variant,
/// sizes, the pair task trained beside masked language modeling, and the constants Hugging
/// Face's `BertConfig` / `AlbertConfig` record.
///
/// Post-LN as BERT places it (transformers `modeling_bert.py`); exact (erf) GELU by default.
/// `variant` picks the Hugging Face family the checkpoint follows (``Variant``). `pairTask`
/// picks the second objective: BERT's next-sentence prediction, ALBERT's sentence-order
/// prediction (same head, other labels), or none (MLM only: `BertForMaskedLM`,
/// `RobertaForMaskedLM` or `AlbertForMaskedLM`, with no pooler and no pair head).
public struct EncoderConfiguration: Sendable, Equatable {
    /// The objective on the pooled first token, beside masked language modeling.
    public enum PairTask: String, Sendable, Equatable, CaseIterable {
        /// Next-sentence prediction (BERT): label 1 = segment B is a random sentence.
        case nsp
        /// Sentence-order prediction (ALBERT): label 1 = segments A and B swapped.
        case sop
        /// No pair objective: masked language modeling only (RoBERTa).
        case none

        /// The prefix of the task's metric names (`nsp_loss`, `sop_correct`), `nil` for none.
        public var metricPrefix: String? { self == .none ? nil : rawValue }
    }

    /// The Hugging Face model family a checkpoint follows: its tensor names and the few
    /// differences of structure between them.
    public enum Variant: String, Sendable, Equatable, CaseIterable {
        /// BERT (`modeling_bert.py`): `bert.*`, `cls.*`.
        case bert
        /// RoBERTa (`modeling_roberta.py`): BERT's layers under `roberta.*`, the MLM head
        /// `lm_head.*` (always erf GELU), position ids counted from `pad_token_id + 1` over the
        /// non-pad tokens, segment ids not read (one token type). MLM only.
        case roberta
        /// ALBERT (`modeling_albert.py`): embeddings of width E (`embedding_size`) mapped to H
        /// by `embedding_hidden_mapping_in`, one layer shared by all `num_hidden_layers`
        /// passes, MLM head `predictions.*` back to E, pair head `sop_classifier.classifier`.
        case albert
    }

    /// The Hugging Face family the checkpoint follows.
    public var variant: Variant
    /// The number of token ids (`vocab_size`).
    public var vocabularySize: Int
    /// The model width H (`hidden_size`).
    public var hiddenSize: Int
    /// The width E of the embeddings and the MLM transform (`embedding_size`): H except in
    /// ALBERT, whose factorized embeddings are usually narrower.
    public var embeddingSize: Int
    /// The number of encoder layers (`num_hidden_layers`).
    public var layers: Int
    /// Attention heads per layer (`num_attention_heads`); they divide `hiddenSize`.
    public var heads: Int
    /// The feed-forward width (`intermediate_size`), usually 4H.
    public var intermediateSize: Int
    /// The number of learned positions (`max_position_embeddings`): the longest sequence.
    public var maxPositions: Int
    /// The number of segment ids (`type_vocab_size`).
    public var typeVocabularySize: Int
    /// ε of every LayerNorm (`layer_norm_eps`).
    public var layerNormEpsilon: Double
    /// The standard deviation of initial weights (`initializer_range`).
    public var initializerRange: Double
    /// The padding token id (`pad_token_id`): its word embedding row starts at zero.
    public var padTokenID: Int
    /// The objective on the pooled first token.
    public var pairTask: PairTask
    /// The feed-forward and MLM-transform activation (`hidden_act`).
    public var activation: GELU

    /// A configuration of the given sizes; the other values are `BertConfig`'s defaults.
    /// `embeddingSize` `nil` means H.
    public init(
        vocabularySize: Int, hiddenSize: Int, layers: Int, heads: Int, intermediateSize: Int, maxPositions: Int,
        padTokenID: Int, pairTask: PairTask = .nsp, typeVocabularySize: Int = 2, layerNormEpsilon: Double = 1e-12,
        initializerRange: Double = 0.02, activation: GELU = .exact, variant: Variant = .bert,
        embeddingSize: Int? = nil
    ) {
        self.variant = variant
        self.embeddingSize = embeddingSize ?? hiddenSize
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.heads = heads
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.padTokenID = padTokenID
        self.pairTask = pairTask
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
        self.initializerRange = initializerRange
        self.activation = activation
    }

    /// The width of one attention head, H / heads.
    public var headDimension: Int { hiddenSize / heads }

    /// Throws `.invalidConfiguration` naming the first `config.json` key that is out of range
    /// (sizes below 1, heads not dividing H, a pad id outside the vocabulary), an ε ≤ 0, or a
    /// combination the variant does not have (see ``validateVariant()``).
    public func validate() throws {
        try bertConfiguration.validate()
        guard layerNormEpsilon > 0, initializerRange >= 0 else {
            throw PretextError(
                .invalidConfiguration,
                "invalid model configuration: layer_norm_eps must be above 0 and initializer_range at least 0")
        }
        try validateVariant()
    }
}
