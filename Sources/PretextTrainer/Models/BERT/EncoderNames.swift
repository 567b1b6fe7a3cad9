/// Hugging Face's module names for the parts of a BERT-family encoder and its pretraining heads,
/// one place for each variant's spelling (`modeling_bert.py`, `modeling_roberta.py`,
/// `modeling_albert.py`). Layers append `.weight` and `.bias`.
public struct EncoderNames: Sendable, Equatable {
    /// The family the names follow.
    public let variant: EncoderConfiguration.Variant

    /// The names of `variant`'s modules.
    public init(_ variant: EncoderConfiguration.Variant) { self.variant = variant }

    /// The base model's attribute: `bert`, `roberta` or `albert`.
    public var base: String { variant.rawValue }

    /// The embeddings module: `bert.embeddings`, `roberta.embeddings`, `albert.embeddings`.
    public var embeddings: String { base + ".embeddings" }

    /// ALBERT's E → H mapping, `albert.encoder.embedding_hidden_mapping_in`; `nil` elsewhere.
    public var embeddingProjection: String? {
        variant == .albert ? "albert.encoder.embedding_hidden_mapping_in" : nil
    }

    /// The names of encoder layer `index`; ALBERT has one (shared) layer, index 0 of its only
    /// group: `albert.encoder.albert_layer_groups.0.albert_layers.0`.
    public func layer(_ index: Int) -> EncoderLayerNames {
        switch variant {
        case .bert, .roberta: return .bert(prefix: "\(base).encoder.layer.\(index).")
        case .albert: return .albert(prefix: "albert.encoder.albert_layer_groups.0.albert_layers.\(index).")
        }
    }

    /// The pooler's dense layer: `bert.pooler.dense`; ALBERT's pooler is the linear layer
    /// itself, `albert.pooler`.
    public var pooler: String { variant == .albert ? "albert.pooler" : base + ".pooler.dense" }

    /// The MLM head's transform, LayerNorm and output bias.
    public var maskedLM: (dense: String, norm: String, bias: String) {
        switch variant {
        case .bert:
            return ("cls.predictions.transform.dense", "cls.predictions.transform.LayerNorm", "cls.predictions.bias")
        case .roberta: return ("lm_head.dense", "lm_head.layer_norm", "lm_head.bias")
        case .albert: return ("predictions.dense", "predictions.LayerNorm", "predictions.bias")
        }
    }

    /// The pair (NSP/SOP) head on the pooled output: `cls.seq_relationship`, ALBERT's
    /// `sop_classifier.classifier`.
    public var pairHead: String { variant == .albert ? "sop_classifier.classifier" : "cls.seq_relationship" }
}

/// The names of one post-LN encoder layer's eight modules (``BertLayer``).
public struct EncoderLayerNames: Sendable, Equatable {
    /// The query, key and value projections.
    public var query: String, key: String, value: String
    /// The attention's output projection and the LayerNorm after its residual sum.
    public var attentionOutput: String, attentionNorm: String
    /// The feed-forward layers (H → intermediate → H) and the LayerNorm after its residual sum.
    public var intermediate: String, output: String, outputNorm: String

    /// BERT's (and RoBERTa's): `attention.self.{query,key,value}`, `attention.output.dense`,
    /// `attention.output.LayerNorm`, `intermediate.dense`, `output.dense`, `output.LayerNorm`.
    public static func bert(prefix: String) -> Self {
        Self(
            query: prefix + "attention.self.query", key: prefix + "attention.self.key",
            value: prefix + "attention.self.value", attentionOutput: prefix + "attention.output.dense",
            attentionNorm: prefix + "attention.output.LayerNorm", intermediate: prefix + "intermediate.dense",
            output: prefix + "output.dense", outputNorm: prefix + "output.LayerNorm")
    }

    /// ALBERT's: `attention.{query,key,value,dense,LayerNorm}`, `ffn`, `ffn_output`,
    /// `full_layer_layer_norm`.
    public static func albert(prefix: String) -> Self {
        Self(
            query: prefix + "attention.query", key: prefix + "attention.key", value: prefix + "attention.value",
            attentionOutput: prefix + "attention.dense", attentionNorm: prefix + "attention.LayerNorm",
            intermediate: prefix + "ffn", output: prefix + "ffn_output", outputNorm: prefix + "full_layer_layer_norm")
    }
}
