import PretextCore

/// The encoder's `config.json`, as transformers' `BertConfig` reads it.
extension EncoderConfiguration {
    /// The Hugging Face architecture the checkpoint loads as: `BertForPreTraining` with a pair
    /// task (NSP or SOP share its `cls.seq_relationship` head), `BertForMaskedLM` without one.
    public var architecture: String { pairTask == .none ? "BertForMaskedLM" : "BertForPreTraining" }

    /// The `BertConfig` of this encoder. Dropout probabilities are 0, because the trainer uses
    /// no dropout and the file says what was trained.
    public var bertConfiguration: BertConfiguration {
        var file = BertConfiguration(
            vocabSize: vocabularySize, hiddenSize: hiddenSize, numHiddenLayers: layers, numAttentionHeads: heads,
            intermediateSize: intermediateSize, maxPositionEmbeddings: maxPositions, padTokenId: padTokenID,
            typeVocabSize: typeVocabularySize, initializerRange: initializerRange, hiddenDropoutProb: 0,
            attentionProbsDropoutProb: 0, architectures: [architecture])
        file.layerNormEps = layerNormEpsilon
        file.hiddenAct = Self.huggingFaceName(activation)
        return file
    }

    /// transformers' `hidden_act` name of `activation`.
    static func huggingFaceName(_ activation: GELU) -> String {
        switch activation {
        case .exact: return "gelu"
        case .tanh: return "gelu_new"
        }
    }
}

extension EncoderConfiguration {
    /// The configuration a `config.json` describes.
    /// - Parameter pairTask: the pair task; `nil` takes it from `architectures`
    ///   (`BertForMaskedLM` → none, otherwise NSP: the file does not tell NSP from SOP).
    /// - Throws: `.invalidConfiguration` for a `hidden_act` other than `gelu` and `gelu_new`
    ///   (and their synonyms), a `position_embedding_type` other than `absolute`, or an
    ///   invalid value (``validate()``).
    public init(_ file: BertConfiguration, pairTask: PairTask? = nil) throws {
        guard let activation = GELU(huggingFaceName: file.hiddenAct) else {
            throw PretextError(
                .invalidConfiguration, "hidden_act \"\(file.hiddenAct)\" is not supported; use \"gelu\" or \"gelu_new\""
            )
        }
        guard file.positionEmbeddingType == "absolute" else {
            throw PretextError(
                .invalidConfiguration,
                "position_embedding_type \"\(file.positionEmbeddingType)\" is not supported; use \"absolute\"")
        }
        self.init(
            vocabularySize: file.vocabSize, hiddenSize: file.hiddenSize, layers: file.numHiddenLayers,
            heads: file.numAttentionHeads, intermediateSize: file.intermediateSize,
            maxPositions: file.maxPositionEmbeddings, padTokenID: file.padTokenId,
            pairTask: pairTask ?? (file.architectures.contains("BertForMaskedLM") ? .none : .nsp),
            typeVocabularySize: file.typeVocabSize, layerNormEpsilon: file.layerNormEps,
            initializerRange: file.initializerRange, activation: activation)
        try validate()
    }
}
