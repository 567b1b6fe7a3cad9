import PretextCore

/// The `config.json` of an ALBERT checkpoint, as transformers' `AlbertConfig` reads it.
///
/// `BertConfig`'s keys plus `embedding_size` (E), `num_hidden_groups` and `inner_group_num`
/// (1 and 1: one layer shared by all `num_hidden_layers` passes, the only sharing the trainer
/// builds) and `classifier_dropout_prob`. Defaults are `AlbertConfig`'s where it has them
/// (`gelu_new`, dropout 0 but 0.1 for the classifier, `layer_norm_eps` 1e-12); `architectures`
/// defaults to `AlbertForPreTraining`.
public struct AlbertConfiguration: ModelConfigurationFile, Equatable {
    /// The model classes the checkpoint holds (`architectures`).
    public var architectures: [String]
    /// Dropout on attention probabilities (`attention_probs_dropout_prob`).
    public var attentionProbsDropoutProb: Double
    /// Dropout before the SOP classifier (`classifier_dropout_prob`).
    public var classifierDropoutProb: Double
    /// The width E of the embeddings and of the MLM transform (`embedding_size`).
    public var embeddingSize: Int
    /// The activation of the feed-forward layer and the MLM transform (`hidden_act`).
    public var hiddenAct: String
    /// Dropout on embeddings and sublayer outputs (`hidden_dropout_prob`).
    public var hiddenDropoutProb: Double
    /// The model width H (`hidden_size`).
    public var hiddenSize: Int
    /// The standard deviation of initial weights (`initializer_range`).
    public var initializerRange: Double
    /// Layers per group (`inner_group_num`); 1.
    public var innerGroupNum: Int
    /// The feed-forward width (`intermediate_size`).
    public var intermediateSize: Int
    /// The LayerNorm epsilon (`layer_norm_eps`).
    public var layerNormEps: Double
    /// The number of position embeddings (`max_position_embeddings`).
    public var maxPositionEmbeddings: Int
    /// "albert" (`model_type`), which selects `AlbertConfig` in `AutoConfig`.
    public var modelType: String
    /// Attention heads per layer (`num_attention_heads`).
    public var numAttentionHeads: Int
    /// Groups of shared layers (`num_hidden_groups`); 1.
    public var numHiddenGroups: Int
    /// Passes through the shared layers (`num_hidden_layers`).
    public var numHiddenLayers: Int
    /// The padding token id (`pad_token_id`), the zeroed embedding row.
    public var padTokenId: Int
    /// "absolute" learned positions (`position_embedding_type`).
    public var positionEmbeddingType: String
    /// Segment (token type) ids (`type_vocab_size`).
    public var typeVocabSize: Int
    /// The vocabulary size (`vocab_size`).
    public var vocabSize: Int

    /// A configuration of the given sizes, other values at `AlbertConfig`'s defaults.
    public init(
        vocabSize: Int, embeddingSize: Int, hiddenSize: Int, numHiddenLayers: Int, numAttentionHeads: Int,
        intermediateSize: Int, maxPositionEmbeddings: Int, padTokenId: Int,
        architectures: [String] = ["AlbertForPreTraining"]
    ) {
        self.vocabSize = vocabSize
        self.embeddingSize = embeddingSize
        self.hiddenSize = hiddenSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.intermediateSize = intermediateSize
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.padTokenId = padTokenId
        self.architectures = architectures
        attentionProbsDropoutProb = 0
        classifierDropoutProb = 0.1
        hiddenAct = "gelu_new"
        hiddenDropoutProb = 0
        initializerRange = 0.02
        innerGroupNum = 1
        layerNormEps = 1e-12
        modelType = "albert"
        numHiddenGroups = 1
        positionEmbeddingType = "absolute"
        typeVocabSize = 2
    }

    /// transformers' attribute names.
    enum CodingKeys: String, CodingKey {
        case architectures
        case attentionProbsDropoutProb = "attention_probs_dropout_prob"
        case classifierDropoutProb = "classifier_dropout_prob"
        case embeddingSize = "embedding_size"
        case hiddenAct = "hidden_act"
        case hiddenDropoutProb = "hidden_dropout_prob"
        case hiddenSize = "hidden_size"
        case initializerRange = "initializer_range"
        case innerGroupNum = "inner_group_num"
        case intermediateSize = "intermediate_size"
        case layerNormEps = "layer_norm_eps"
        case maxPositionEmbeddings = "max_position_embeddings"
        case modelType = "model_type"
        case numAttentionHeads = "num_attention_heads"
        case numHiddenGroups = "num_hidden_groups"
        case numHiddenLayers = "num_hidden_layers"
        case padTokenId = "pad_token_id"
        case positionEmbeddingType = "position_embedding_type"
        case typeVocabSize = "type_vocab_size"
        case vocabSize = "vocab_size"
    }

    /// Throws `.invalidConfiguration` for sizes below 1, a hidden size the heads do not divide,
    /// a pad id outside the vocabulary, a dropout outside [0, 1), or a layer sharing other than
    /// one group of one layer.
    public func validate() throws {
        try ConfigurationCheck.positive([
            ("vocab_size", vocabSize), ("embedding_size", embeddingSize), ("hidden_size", hiddenSize),
            ("num_hidden_layers", numHiddenLayers), ("num_attention_heads", numAttentionHeads),
            ("intermediate_size", intermediateSize), ("max_position_embeddings", maxPositionEmbeddings),
            ("type_vocab_size", typeVocabSize),
        ])
        try ConfigurationCheck.divides(heads: numAttentionHeads, hidden: hiddenSize)
        try ConfigurationCheck.tokenID("pad_token_id", padTokenId, vocabularySize: vocabSize)
        try ConfigurationCheck.probabilities([
            ("hidden_dropout_prob", hiddenDropoutProb), ("attention_probs_dropout_prob", attentionProbsDropoutProb),
            ("classifier_dropout_prob", classifierDropoutProb),
        ])
        guard numHiddenGroups == 1, innerGroupNum == 1 else {
            throw PretextError(
                .invalidConfiguration,
                "invalid model configuration: num_hidden_groups (\(numHiddenGroups)) and inner_group_num "
                    + "(\(innerGroupNum)) must be 1: the trainer shares one layer across all passes")
        }
    }
}
