/// A sentence encoder trained contrastively (SimCSE, sentence-transformers): the BERT encoder,
/// pooled (``ContrastivePooling``), scored by temperature-scaled cosine similarity with
/// in-batch and hard negatives (``InfoNCE``).
///
/// Saved as transformers' bare `BertModel` (`embeddings.*`, `encoder.layer.N.*`, `pooler.*`)
/// with the pooling and temperature in `config.json` (``ContrastiveConfigurationFile``), so
/// `AutoModel.from_pretrained` loads it with no missing or unexpected keys and the embedding is
/// `last_hidden_state` pooled as the config says. `BertModel` has a tanh pooler; the checkpoint
/// holds one (`pooler.dense`) as initialized and never trained: neither the loss nor the
/// embedding uses it, so it gets no gradient, does not decay, and AdamW leaves it as it is.
/// No dropout.
public final class ContrastiveEncoder: TrainableModel, Sendable {
    /// The sizes, pooling and temperature.
    public let configuration: ContrastiveConfiguration
    /// Embeddings and encoder layers, named as in `BertModel`.
    public let encoder: BertEncoder
    /// `pooler.dense.weight` and `pooler.dense.bias`, kept for `BertModel`'s layout only.
    public let pooler: [Parameter]
    /// Every parameter once, in Hugging Face's order.
    public let parameters: [Parameter]

    /// A model of `configuration`, initialized as transformers' `_init_weights` does from `seed`.
    /// - Throws: `.invalidConfiguration` naming the first invalid value.
    public init(configuration: ContrastiveConfiguration, seed: UInt64) throws {
        try configuration.validate()
        self.configuration = configuration
        let (width, names) = (configuration.encoder.hiddenSize, Self.names)
        encoder = BertEncoder(configuration: configuration.encoder, names: names)
        pooler = [
            Parameter(name: names.pooler + ".weight", shape: [width, width], decays: false),
            Parameter(name: names.pooler + ".bias", shape: [width], decays: false),
        ]
        parameters = encoder.parameters + pooler
        try configuration.encoder.initialization(seed: seed).initialize(parameters)
    }

    /// The names of a bare `BertModel`: `embeddings.*`, `encoder.layer.N.*`, `pooler.dense.*`.
    public static let names = EncoderNames.baseModel(.bert)

    /// The `config.json`: `BertConfig` (architecture `BertModel`) with `pretext_pooling` and
    /// `pretext_temperature`.
    public var configurationFile: any ModelConfigurationFile { configuration.configurationFile }
}
