import PretextCore

/// The encoder's `config.json`, as transformers' `BertConfig`, `RobertaConfig` (the same keys,
/// `model_type` "roberta") or `AlbertConfig` reads it.
extension EncoderConfiguration {
    /// The Hugging Face architecture the checkpoint loads as: `BertForPreTraining` with a pair
    /// task (NSP or SOP share its `cls.seq_relationship` head), `BertForMaskedLM` without one;
    /// `RobertaForMaskedLM`; `AlbertForPreTraining` (its `sop_classifier` trains on either
    /// label), `AlbertForMaskedLM` without a pair task.
    public var architecture: String {
        switch (variant, pairTask) {
        case (.bert, .none): return "BertForMaskedLM"
        case (.bert, _): return "BertForPreTraining"
        case (.roberta, _): return "RobertaForMaskedLM"
        case (.albert, .none): return "AlbertForMaskedLM"
        case (.albert, _): return "AlbertForPreTraining"
        }
    }

    /// The `config.json` of this variant: ``albertConfiguration`` for ALBERT, else
    /// ``bertConfiguration``.
    public var huggingFaceConfiguration: any ModelConfigurationFile {
        variant == .albert ? albertConfiguration : bertConfiguration
    }

    /// The `BertConfig` of this encoder (for RoBERTa, `model_type` "roberta": `RobertaConfig`
    /// has `BertConfig`'s keys). Dropout probabilities are 0, because the trainer uses no
    /// dropout and the file says what was trained.
    public var bertConfiguration: BertConfiguration {
        var file = BertConfiguration(
            vocabSize: vocabularySize, hiddenSize: hiddenSize, numHiddenLayers: layers, numAttentionHeads: heads,
            intermediateSize: intermediateSize, maxPositionEmbeddings: maxPositions, padTokenId: padTokenID,
            typeVocabSize: typeVocabularySize, initializerRange: initializerRange, hiddenDropoutProb: 0,
            attentionProbsDropoutProb: 0, architectures: [architecture])
        file.layerNormEps = layerNormEpsilon
        file.hiddenAct = Self.huggingFaceName(activation)
        file.modelType = variant == .roberta ? "roberta" : "bert"
        return file
    }

    /// The `AlbertConfig` of this encoder: one group of one shared layer, dropout 0 (the SOP
    /// classifier's too).
    public var albertConfiguration: AlbertConfiguration {
        var file = AlbertConfiguration(
            vocabSize: vocabularySize, embeddingSize: embeddingSize, hiddenSize: hiddenSize, numHiddenLayers: layers,
            numAttentionHeads: heads, intermediateSize: intermediateSize, maxPositionEmbeddings: maxPositions,
            padTokenId: padTokenID, architectures: [architecture])
        file.classifierDropoutProb = 0
        file.typeVocabSize = typeVocabularySize
        file.initializerRange = initializerRange
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

    /// The activation `hidden_act` names.
    /// - Throws: `.invalidConfiguration` for a name other than `gelu` and `gelu_new` (and their
    ///   synonyms), or a `position_embedding_type` other than `absolute`.
    static func activation(_ name: String, positionEmbeddingType: String) throws -> GELU {
        guard let activation = GELU(huggingFaceName: name) else {
            throw PretextError(
                .invalidConfiguration, "hidden_act \"\(name)\" is not supported; use \"gelu\" or \"gelu_new\"")
        }
        guard positionEmbeddingType == "absolute" else {
            throw PretextError(
                .invalidConfiguration,
                "position_embedding_type \"\(positionEmbeddingType)\" is not supported; use \"absolute\"")
        }
        return activation
    }
}

extension EncoderConfiguration {
    /// The configuration a BERT or RoBERTa `config.json` describes (`model_type` "roberta" →
    /// RoBERTa, MLM only).
    /// - Parameter pairTask: the pair task; `nil` takes it from `architectures`
    ///   (`BertForMaskedLM` → none, otherwise NSP: the file does not tell NSP from SOP).
    /// - Throws: `.invalidConfiguration` for a `hidden_act` other than `gelu` and `gelu_new`
    ///   (and their synonyms), a `position_embedding_type` other than `absolute`, or an
    ///   invalid value (``validate()``).
    public init(_ file: BertConfiguration, pairTask: PairTask? = nil) throws {
        let activation = try Self.activation(file.hiddenAct, positionEmbeddingType: file.positionEmbeddingType)
        let isRoberta = file.modelType == "roberta"
        let isMaskedLM = isRoberta || file.architectures.contains("BertForMaskedLM")
        self.init(
            vocabularySize: file.vocabSize, hiddenSize: file.hiddenSize, layers: file.numHiddenLayers,
            heads: file.numAttentionHeads, intermediateSize: file.intermediateSize,
            maxPositions: file.maxPositionEmbeddings, padTokenID: file.padTokenId,
            pairTask: pairTask ?? (isMaskedLM ? .none : .nsp), typeVocabularySize: file.typeVocabSize,
            layerNormEpsilon: file.layerNormEps, initializerRange: file.initializerRange, activation: activation,
            variant: isRoberta ? .roberta : .bert)
        try validate()
    }

    /// The configuration an ALBERT `config.json` describes.
    /// - Parameter pairTask: the pair task; `nil` takes it from `architectures`
    ///   (`AlbertForMaskedLM` → none, otherwise SOP).
    /// - Throws: as ``init(_:pairTask:)-(BertConfiguration,_)``, and the file's own
    ///   `validate()` errors (a layer sharing other than one group of one layer).
    public init(_ file: AlbertConfiguration, pairTask: PairTask? = nil) throws {
        try file.validate()
        let activation = try Self.activation(file.hiddenAct, positionEmbeddingType: file.positionEmbeddingType)
        self.init(
            vocabularySize: file.vocabSize, hiddenSize: file.hiddenSize, layers: file.numHiddenLayers,
            heads: file.numAttentionHeads, intermediateSize: file.intermediateSize,
            maxPositions: file.maxPositionEmbeddings, padTokenID: file.padTokenId,
            pairTask: pairTask ?? (file.architectures.contains("AlbertForMaskedLM") ? .none : .sop),
            typeVocabularySize: file.typeVocabSize, layerNormEpsilon: file.layerNormEps,
            initializerRange: file.initializerRange, activation: activation, variant: .albert,
            embeddingSize: file.embeddingSize)
        try validate()
    }
}
