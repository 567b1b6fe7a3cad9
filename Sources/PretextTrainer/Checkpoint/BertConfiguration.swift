import PretextCore

/// The `config.json` of a BERT checkpoint, as transformers' `BertConfig` reads it.
///
/// Defaults are `BertConfig`'s where it has them (dropout 0.1, `type_vocab_size` 2,
/// `initializer_range` 0.02, `layer_norm_eps` 1e-12, GELU, absolute positions); `architectures`
/// defaults to `BertForPreTraining`, the head layout the trainer saves.
public struct BertConfiguration: ModelConfigurationFile, Equatable {
    /// The model classes the checkpoint holds (`architectures`).
    public var architectures: [String]
    /// Dropout on attention probabilities (`attention_probs_dropout_prob`).
    public var attentionProbsDropoutProb: Double
    /// The feed-forward activation (`hidden_act`, "gelu": the exact erf GELU).
    public var hiddenAct: String
    /// Dropout on embeddings and sublayer outputs (`hidden_dropout_prob`).
    public var hiddenDropoutProb: Double
    /// The model width H (`hidden_size`).
    public var hiddenSize: Int
    /// The standard deviation of initial weights (`initializer_range`).
    public var initializerRange: Double
    /// The feed-forward width (`intermediate_size`).
    public var intermediateSize: Int
    /// The LayerNorm epsilon (`layer_norm_eps`).
    public var layerNormEps: Double
    /// The number of position embeddings (`max_position_embeddings`).
    public var maxPositionEmbeddings: Int
    /// "bert" (`model_type`), which selects `BertConfig` in `AutoConfig`.
    public var modelType: String
    /// Attention heads per layer (`num_attention_heads`).
    public var numAttentionHeads: Int
    /// Encoder layers (`num_hidden_layers`).
    public var numHiddenLayers: Int
    /// The padding token id (`pad_token_id`), the zeroed embedding row.
    public var padTokenId: Int
    /// "absolute" learned positions (`position_embedding_type`).
    public var positionEmbeddingType: String
    /// Segment (token type) ids (`type_vocab_size`).
    public var typeVocabSize: Int
    /// The vocabulary size (`vocab_size`).
    public var vocabSize: Int

    /// A configuration of the given sizes, other values at `BertConfig`'s defaults.
    public init(
        vocabSize: Int, hiddenSize: Int, numHiddenLayers: Int, numAttentionHeads: Int, intermediateSize: Int,
        maxPositionEmbeddings: Int, padTokenId: Int, typeVocabSize: Int = 2, initializerRange: Double = 0.02,
        hiddenDropoutProb: Double = 0.1, attentionProbsDropoutProb: Double = 0.1,
        architectures: [String] = ["BertForPreTraining"]
    ) {
        self.vocabSize = vocabSize
        self.hiddenSize = hiddenSize
        self.numHiddenLayers = numHiddenLayers
        self.numAttentionHeads = numAttentionHeads
        self.intermediateSize = intermediateSize
        self.maxPositionEmbeddings = maxPositionEmbeddings
        self.padTokenId = padTokenId
        self.typeVocabSize = typeVocabSize
        self.initializerRange = initializerRange
        self.hiddenDropoutProb = hiddenDropoutProb
        self.attentionProbsDropoutProb = attentionProbsDropoutProb
        self.architectures = architectures
        self.hiddenAct = "gelu"
        self.layerNormEps = 1e-12
        self.modelType = "bert"
        self.positionEmbeddingType = "absolute"
    }

    /// transformers' attribute names.
    enum CodingKeys: String, CodingKey {
        case architectures
        case attentionProbsDropoutProb = "attention_probs_dropout_prob"
        case hiddenAct = "hidden_act"
        case hiddenDropoutProb = "hidden_dropout_prob"
        case hiddenSize = "hidden_size"
        case initializerRange = "initializer_range"
        case intermediateSize = "intermediate_size"
        case layerNormEps = "layer_norm_eps"
        case maxPositionEmbeddings = "max_position_embeddings"
        case modelType = "model_type"
        case numAttentionHeads = "num_attention_heads"
        case numHiddenLayers = "num_hidden_layers"
        case padTokenId = "pad_token_id"
        case positionEmbeddingType = "position_embedding_type"
        case typeVocabSize = "type_vocab_size"
        case vocabSize = "vocab_size"
    }

    /// Throws `.invalidConfiguration` for sizes below 1, a hidden size the heads do not divide,
    /// a pad id outside the vocabulary or a dropout outside [0, 1).
    public func validate() throws {
        try ConfigurationCheck.positive([
            ("vocab_size", vocabSize), ("hidden_size", hiddenSize), ("num_hidden_layers", numHiddenLayers),
            ("num_attention_heads", numAttentionHeads), ("intermediate_size", intermediateSize),
            ("max_position_embeddings", maxPositionEmbeddings), ("type_vocab_size", typeVocabSize),
        ])
        try ConfigurationCheck.divides(heads: numAttentionHeads, hidden: hiddenSize)
        try ConfigurationCheck.tokenID("pad_token_id", padTokenId, vocabularySize: vocabSize)
        try ConfigurationCheck.probabilities([
            ("hidden_dropout_prob", hiddenDropoutProb), ("attention_probs_dropout_prob", attentionProbsDropoutProb),
        ])
    }
}
