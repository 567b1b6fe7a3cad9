/// The `config.json` of a contrastive encoder: transformers' `BertConfig` (architecture
/// `BertModel`, so `AutoModel.from_pretrained` builds the bare encoder) with two keys of
/// Pretext's beside it, which transformers keeps as plain attributes of the config:
/// `pretext_pooling` (`mean` or `first`) and `pretext_temperature`.
public struct ContrastiveConfigurationFile: ModelConfigurationFile, Equatable {
    /// The `BertConfig` keys.
    public var bert: BertConfiguration
    /// How token states become a text's embedding (`pretext_pooling`).
    public var pooling: String
    /// The temperature trained with (`pretext_temperature`).
    public var temperature: Double

    /// A file of these values.
    public init(bert: BertConfiguration, pooling: String, temperature: Double) {
        self.bert = bert
        self.pooling = pooling
        self.temperature = temperature
    }

    /// The keys added to `BertConfig`'s.
    enum CodingKeys: String, CodingKey {
        case pooling = "pretext_pooling"
        case temperature = "pretext_temperature"
    }

    /// Reads the `BertConfig` keys and the two added ones from one JSON object.
    public init(from decoder: any Decoder) throws {
        bert = try BertConfiguration(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pooling = try container.decode(String.self, forKey: .pooling)
        temperature = try container.decode(Double.self, forKey: .temperature)
    }

    /// Writes the `BertConfig` keys and the two added ones into one JSON object.
    public func encode(to encoder: any Encoder) throws {
        try bert.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pooling, forKey: .pooling)
        try container.encode(temperature, forKey: .temperature)
    }

    /// The `BertConfig`'s checks.
    public func validate() throws { try bert.validate() }
}
