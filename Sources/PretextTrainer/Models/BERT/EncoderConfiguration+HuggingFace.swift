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
