import PretextCore

/// The sizes and options of a GPT-2 decoder (``GPT2LMHeadModel``), and how they map to the
/// `config.json` transformers reads (``GPT2Configuration``).
///
/// ``documentAttention`` has no key in `GPT2Config`: it says how the trainer reads packed
/// `causal_lm` blocks (positions and attention restarting at each document), not what the
/// checkpoint holds. A checkpoint trained with it is still a plain GPT-2; transformers runs it
/// on one document at a time exactly as the trainer did.
public struct DecoderConfiguration: Sendable, Equatable {
    /// The vocabulary size (`vocab_size`).
    public var vocabulary: Int
    /// The model width E (`n_embd`).
    public var embedding: Int
    /// The number of transformer blocks (`n_layer`).
    public var layers: Int
    /// The number of attention heads per block (`n_head`); they divide E.
    public var heads: Int
    /// The MLP width (`n_inner`); `nil` for 4E.
    public var inner: Int?
    /// The number of position embeddings (`n_positions`): the longest block the model reads.
    public var positions: Int
    /// The LayerNorm ε (`layer_norm_epsilon`).
    public var layerNormEpsilon: Double
    /// The standard deviation of initial weights (`initializer_range`).
    public var initializerRange: Double
    /// The beginning-of-sequence token id (`bos_token_id`).
    public var bosTokenID: Int
    /// The end-of-sequence token id (`eos_token_id`).
    public var eosTokenID: Int
    /// Whether position ids and attention restart at each document of a packed block (the
    /// batch's `positions`), rather than running over the whole block as GPT-2's original
    /// packing does.
    public var documentAttention: Bool

    /// A configuration of the given sizes; ε 1e-5 and initializer range 0.02 as `GPT2Config`.
    public init(
        vocabulary: Int, embedding: Int, layers: Int, heads: Int, inner: Int? = nil, positions: Int,
        layerNormEpsilon: Double = 1e-5, initializerRange: Double = 0.02, bosTokenID: Int, eosTokenID: Int,
        documentAttention: Bool = true
    ) {
        self.vocabulary = vocabulary
        self.embedding = embedding
        self.layers = layers
        self.heads = heads
        self.inner = inner
        self.positions = positions
        self.layerNormEpsilon = layerNormEpsilon
        self.initializerRange = initializerRange
        self.bosTokenID = bosTokenID
        self.eosTokenID = eosTokenID
        self.documentAttention = documentAttention
    }

    /// The configuration a checkpoint's `config.json` describes (``documentAttention`` as given).
    public init(_ file: GPT2Configuration, documentAttention: Bool = true) {
        self.init(
            vocabulary: file.vocabSize, embedding: file.nEmbd, layers: file.nLayer, heads: file.nHead,
            inner: file.nInner, positions: file.nPositions, layerNormEpsilon: file.layerNormEpsilon,
            initializerRange: file.initializerRange, bosTokenID: file.bosTokenId, eosTokenID: file.eosTokenId,
            documentAttention: documentAttention)
    }

    /// The MLP width: ``inner``, or 4E.
    public var innerWidth: Int { inner ?? 4 * embedding }

    /// The `config.json`: `GPT2LMHeadModel`, `gelu_new`, and dropouts of 0, as trained.
    public var file: GPT2Configuration {
        var file = GPT2Configuration(
            vocabSize: vocabulary, nPositions: positions, nEmbd: embedding, nLayer: layers, nHead: heads,
            nInner: innerWidth, bosTokenId: bosTokenID, eosTokenId: eosTokenID, initializerRange: initializerRange,
            residPdrop: 0, embdPdrop: 0, attnPdrop: 0)
        file.layerNormEpsilon = layerNormEpsilon
        return file
    }

    /// Throws `.invalidConfiguration` naming the first value the model cannot be built with
    /// (``GPT2Configuration/validate()``'s checks, and a positive ε).
    public func validate() throws {
        try file.validate()
        guard layerNormEpsilon > 0 else {
            throw PretextError(.invalidConfiguration, "layer_norm_epsilon must be positive, not \(layerNormEpsilon)")
        }
    }
}
