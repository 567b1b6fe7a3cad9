/// Hugging Face's module names for the parts of a BERT-family encoder and its pretraining heads,
/// one place for each variant's spelling (`modeling_bert.py`, `modeling_roberta.py`,
/// `modeling_albert.py`). Layers append `.weight` and `.bias`.
///
/// The base model's names start with ``prefix``: the attribute that holds it in a model with
/// heads (`bert.`, `roberta.`, `albert.`), or nothing when the base model is saved on its own
/// (``baseModel(_:)``: transformers' `BertModel`, `embeddings.*`, `encoder.layer.N.*`, `pooler.*`).
public struct EncoderNames: Sendable, Equatable {
    /// The family the names follow.
    public let variant: EncoderConfiguration.Variant
    /// What every base-model name starts with: `bert.`, `roberta.`, `albert.`, or "".
    public let prefix: String

    /// The names of `variant`'s modules in a model with heads (`BertForPreTraining`, …): the base
    /// model under `bert.`, `roberta.` or `albert.`.
    public init(_ variant: EncoderConfiguration.Variant) { self.init(variant, prefix: variant.rawValue + ".") }

    /// The names of `variant`'s modules under `prefix`.
    init(_ variant: EncoderConfiguration.Variant, prefix: String) {
        self.variant = variant
        self.prefix = prefix
    }

    /// The names of `variant`'s bare base model (`BertModel`, `RobertaModel`, `AlbertModel`
    /// saved alone): no prefix.
    public static func baseModel(_ variant: EncoderConfiguration.Variant) -> Self { Self(variant, prefix: "") }

    /// The embeddings module: `bert.embeddings`, `roberta.embeddings`, `albert.embeddings`
    /// (`embeddings` in a bare base model).
    public var embeddings: String { prefix + "embeddings" }

    /// ALBERT's E → H mapping, `albert.encoder.embedding_hidden_mapping_in`; `nil` elsewhere.
    public var embeddingProjection: String? {
        variant == .albert ? prefix + "encoder.embedding_hidden_mapping_in" : nil
    }

    /// The names of encoder layer `index`, `bert.encoder.layer.N.`; ALBERT has one (shared)
    /// layer, index 0 of its only group: `albert.encoder.albert_layer_groups.0.albert_layers.0`.
    public func layer(_ index: Int) -> EncoderLayerNames {
        switch variant {
        case .bert, .roberta: return .bert(prefix: prefix + "encoder.layer.\(index).")
        case .albert: return .albert(prefix: prefix + "encoder.albert_layer_groups.0.albert_layers.\(index).")
        }
    }

    /// The pooler's dense layer: `bert.pooler.dense`; ALBERT's pooler is the linear layer
    /// itself, `albert.pooler`.
    public var pooler: String { prefix + (variant == .albert ? "pooler" : "pooler.dense") }

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
