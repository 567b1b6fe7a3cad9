import PretextCore

/// What the variant (BERT, RoBERTa, ALBERT) changes: names, positions, the layer sharing, the
/// MLM head's activation, initialization and the checks.
extension EncoderConfiguration {
    /// Hugging Face's module names for this variant.
    public var names: EncoderNames { EncoderNames(variant) }

    /// How many position ids come before the first real token's: RoBERTa's
    /// `pad_token_id + 1` (`create_position_ids_from_input_ids`), 0 for BERT and ALBERT.
    public static func positionOffset(_ variant: Variant, padTokenID: Int) -> Int {
        variant == .roberta ? padTokenID + 1 : 0
    }

    /// This configuration's ``positionOffset(_:padTokenID:)``.
    public var positionOffset: Int { Self.positionOffset(variant, padTokenID: padTokenID) }

    /// The longest sequence the position table covers: `max_position_embeddings` less the offset
    /// (RoBERTa's table of `L + pad + 1` rows holds sequences of `L`).
    public var longestSequence: Int { maxPositions - positionOffset }

    /// Whether the encoder reads the batch's `segment_ids`: not RoBERTa's, which has one token
    /// type (`type_vocab_size` 1) and gives every token type 0, as transformers does when no
    /// `token_type_ids` are passed.
    public var readsSegments: Bool { variant != .roberta }

    /// Whether one encoder layer serves every pass (ALBERT's cross-layer sharing with
    /// `num_hidden_groups` = `inner_group_num` = 1).
    public var sharesLayers: Bool { variant == .albert }

    /// The MLM transform's activation: the configuration's (`hidden_act`), except RoBERTa's
    /// `lm_head`, which calls the erf `gelu` whatever `hidden_act` says.
    public var maskedLMActivation: GELU { variant == .roberta ? .exact : activation }

    /// Hugging Face's `_init_weights` for the variant, seeded: the word embeddings' pad row zero
    /// (all three), and RoBERTa's position embeddings' pad row too (`padding_idx` there as well).
    public func initialization(seed: UInt64) -> WeightInitialization {
        var initialization = WeightInitialization.bert(
            seed: seed, initializerRange: initializerRange, padTokenID: padTokenID)
        if variant == .roberta {
            initialization.paddingRows.append(.init(suffix: "position_embeddings.weight", row: padTokenID))
        }
        return initialization
    }

    /// Throws `.invalidConfiguration` for what the variant does not have: an `embedding_size`
    /// other than H outside ALBERT, a RoBERTa with a pair task (`RobertaForMaskedLM` has none)
    /// or without room in its position table for the offset.
    func validateVariant() throws {
        guard embeddingSize >= 1, variant == .albert || embeddingSize == hiddenSize else {
            throw PretextError(
                .invalidConfiguration,
                "invalid model configuration: embedding_size \(embeddingSize) must be at least 1, and equal to "
                    + "hidden_size (\(hiddenSize)) except in ALBERT")
        }
        guard variant != .roberta || (pairTask == .none && longestSequence >= 1) else {
            throw PretextError(
                .invalidConfiguration,
                "invalid model configuration: RoBERTa trains masked language modeling only (pair task none), and "
                    + "max_position_embeddings (\(maxPositions)) must exceed pad_token_id + 1 (\(positionOffset))")
        }
    }
}
