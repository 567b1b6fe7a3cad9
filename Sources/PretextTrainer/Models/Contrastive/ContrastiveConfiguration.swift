import PretextCore

/// The shape and objective of a ``ContrastiveEncoder``: the BERT encoder's sizes, the pooling
/// and the temperature of the similarities.
public struct ContrastiveConfiguration: Sendable, Equatable {
    /// SimCSE's temperature (Gao et al. 2021), the default.
    public static let defaultTemperature = 0.05

    /// The encoder's sizes (its pair task is not used).
    public var encoder: EncoderConfiguration
    /// How token states become a text's embedding.
    public var pooling: ContrastivePooling
    /// τ: the similarities are cosines divided by τ (smaller τ, sharper softmax).
    public var temperature: Double

    /// A configuration of `encoder`'s sizes.
    public init(
        encoder: EncoderConfiguration, pooling: ContrastivePooling = .mean, temperature: Double = defaultTemperature
    ) {
        self.encoder = encoder
        self.pooling = pooling
        self.temperature = temperature
    }

    /// Throws `.invalidConfiguration` naming the first invalid value (the encoder's, a variant
    /// other than BERT, or a temperature that is not above 0).
    public func validate() throws {
        try encoder.validate()
        guard encoder.variant == .bert else {
            throw PretextError(
                .invalidConfiguration,
                "invalid contrastive configuration: the encoder is saved as BertModel, so its variant must be bert, "
                    + "not \(encoder.variant.rawValue)")
        }
        guard temperature > 0, temperature.isFinite else {
            throw PretextError(
                .invalidConfiguration,
                "invalid contrastive configuration: temperature must be above 0, not \(temperature)")
        }
    }

    /// The `config.json`: a `BertConfig` of architecture `BertModel`, plus the pooling and
    /// temperature under `pretext_pooling` and `pretext_temperature`.
    public var configurationFile: ContrastiveConfigurationFile {
        var bert = encoder.bertConfiguration
        bert.architectures = ["BertModel"]
        return ContrastiveConfigurationFile(bert: bert, pooling: pooling.rawValue, temperature: temperature)
    }

    /// The configuration a `config.json` describes.
    /// - Throws: `.invalidConfiguration` for a pooling other than `mean` and `first`, and the
    ///   errors of ``EncoderConfiguration/init(_:pairTask:)`` and ``validate()``.
    public init(_ file: ContrastiveConfigurationFile) throws {
        guard let pooling = ContrastivePooling(rawValue: file.pooling) else {
            throw PretextError(
                .invalidConfiguration,
                "pretext_pooling \"\(file.pooling)\" is not supported; use "
                    + ContrastivePooling.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or "))
        }
        self.init(
            encoder: try EncoderConfiguration(file.bert, pairTask: EncoderConfiguration.PairTask.none),
            pooling: pooling, temperature: file.temperature)
        try validate()
    }
}
