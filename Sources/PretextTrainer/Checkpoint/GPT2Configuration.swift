import PretextCore

/// The `config.json` of a GPT-2 checkpoint, as transformers' `GPT2Config` reads it.
///
/// Defaults are `GPT2Config`'s where it has them (dropouts 0.1, `layer_norm_epsilon` 1e-5,
/// `gelu_new`, `initializer_range` 0.02); `n_inner` is always written (4 · `n_embd` unless
/// given), and `architectures` defaults to `GPT2LMHeadModel`.
public struct GPT2Configuration: ModelConfigurationFile, Equatable {
    /// The MLP activation (`activation_function`, "gelu_new": the tanh GELU).
    public var activationFunction: String
    /// The model classes the checkpoint holds (`architectures`).
    public var architectures: [String]
    /// Dropout on attention probabilities (`attn_pdrop`).
    public var attnPdrop: Double
    /// The beginning-of-sequence token id (`bos_token_id`).
    public var bosTokenId: Int
    /// Dropout on the embeddings (`embd_pdrop`).
    public var embdPdrop: Double
    /// The end-of-sequence token id (`eos_token_id`).
    public var eosTokenId: Int
    /// The standard deviation of initial weights (`initializer_range`).
    public var initializerRange: Double
    /// The LayerNorm epsilon (`layer_norm_epsilon`).
    public var layerNormEpsilon: Double
    /// "gpt2" (`model_type`), which selects `GPT2Config` in `AutoConfig`.
    public var modelType: String
    /// The model width E (`n_embd`).
    public var nEmbd: Int
    /// Attention heads per block (`n_head`).
    public var nHead: Int
    /// The MLP width (`n_inner`).
    public var nInner: Int
    /// Transformer blocks (`n_layer`).
    public var nLayer: Int
    /// The number of position embeddings (`n_positions`).
    public var nPositions: Int
    /// Dropout on sublayer outputs (`resid_pdrop`).
    public var residPdrop: Double
    /// The vocabulary size (`vocab_size`).
    public var vocabSize: Int

    /// A configuration of the given sizes, other values at `GPT2Config`'s defaults.
    public init(
        vocabSize: Int, nPositions: Int, nEmbd: Int, nLayer: Int, nHead: Int, nInner: Int? = nil,
        bosTokenId: Int, eosTokenId: Int, initializerRange: Double = 0.02, residPdrop: Double = 0.1,
        embdPdrop: Double = 0.1, attnPdrop: Double = 0.1, architectures: [String] = ["GPT2LMHeadModel"]
    ) {
        self.vocabSize = vocabSize
        self.nPositions = nPositions
        self.nEmbd = nEmbd
        self.nLayer = nLayer
        self.nHead = nHead
        self.nInner = nInner ?? 4 * nEmbd
        self.bosTokenId = bosTokenId
        self.eosTokenId = eosTokenId
        self.initializerRange = initializerRange
        self.residPdrop = residPdrop
        self.embdPdrop = embdPdrop
        self.attnPdrop = attnPdrop
        self.architectures = architectures
        self.activationFunction = "gelu_new"
        self.layerNormEpsilon = 1e-5
        self.modelType = "gpt2"
    }

    /// transformers' attribute names.
    enum CodingKeys: String, CodingKey {
        case activationFunction = "activation_function"
        case architectures
        case attnPdrop = "attn_pdrop"
        case bosTokenId = "bos_token_id"
        case embdPdrop = "embd_pdrop"
        case eosTokenId = "eos_token_id"
        case initializerRange = "initializer_range"
        case layerNormEpsilon = "layer_norm_epsilon"
        case modelType = "model_type"
        case nEmbd = "n_embd"
        case nHead = "n_head"
        case nInner = "n_inner"
        case nLayer = "n_layer"
        case nPositions = "n_positions"
        case residPdrop = "resid_pdrop"
        case vocabSize = "vocab_size"
    }

    /// Throws `.invalidConfiguration` for sizes below 1, an embedding size the heads do not
    /// divide, bos or eos ids outside the vocabulary or a dropout outside [0, 1).
    public func validate() throws {
        try ConfigurationCheck.positive([
            ("vocab_size", vocabSize), ("n_positions", nPositions), ("n_embd", nEmbd), ("n_layer", nLayer),
            ("n_head", nHead), ("n_inner", nInner),
        ])
        try ConfigurationCheck.divides(heads: nHead, hidden: nEmbd)
        try ConfigurationCheck.tokenID("bos_token_id", bosTokenId, vocabularySize: vocabSize)
        try ConfigurationCheck.tokenID("eos_token_id", eosTokenId, vocabularySize: vocabSize)
        try ConfigurationCheck.probabilities([
            ("resid_pdrop", residPdrop), ("embd_pdrop", embdPdrop), ("attn_pdrop", attnPdrop),
        ])
    }
}
