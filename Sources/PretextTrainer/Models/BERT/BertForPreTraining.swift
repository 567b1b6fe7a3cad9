/// BERT with its pretraining heads, as transformers' `BertForPreTraining` (post-LN encoder,
/// tanh pooler, MLM head tied to the word embeddings, NSP head `cls.seq_relationship`) — or,
/// with ``EncoderConfiguration/PairTask/none``, as `BertForMaskedLM` (no pooler, no pair head).
///
/// The other variants (``EncoderConfiguration/Variant``) are the same model under their own
/// names: `RobertaForMaskedLM` (MLM only, RoBERTa's position ids, one token type) and
/// `AlbertForPreTraining` (factorized embeddings E < H mapped to H, one layer shared by every
/// pass, SOP head `sop_classifier.classifier`; `AlbertForMaskedLM` without a pair task).
///
/// Training (``trainStep(_:gradientScale:)``) runs the MLM head only on the masked tokens'
/// rows; the loss is the mean MLM cross-entropy plus the mean pair-task cross-entropy, as
/// transformers' `total_loss`. No dropout. The parameters carry Hugging Face's names and
/// shapes, so `SafetensorsFile(parameters:)` and ``configurationFile`` make a checkpoint that
/// `from_pretrained` loads with no missing or unexpected keys.
public final class BertForPreTraining: TrainableModel, Sendable {
    /// The sizes and objectives.
    public let configuration: EncoderConfiguration
    /// Embeddings and encoder layers.
    public let encoder: BertEncoder
    /// The pooler, `nil` without a pair task.
    public let pooler: BertPooler?
    /// The MLM head.
    public let maskedLM: BertMaskedLMHead
    /// `cls.seq_relationship` (ALBERT: `sop_classifier.classifier`), H → 2, `nil` without a
    /// pair task.
    public let pairHead: Linear?
    /// Every parameter once, in Hugging Face's order (the decoder is the word embeddings).
    public let parameters: [Parameter]

    /// A model of `configuration`, initialized as transformers' `_init_weights` does
    /// (``EncoderConfiguration/initialization(seed:)``) from `seed`.
    /// - Throws: `.invalidConfiguration` naming the first invalid value.
    public init(configuration: EncoderConfiguration, seed: UInt64) throws {
        try configuration.validate()
        self.configuration = configuration
        encoder = BertEncoder(configuration: configuration)
        maskedLM = BertMaskedLMHead(configuration: configuration, wordEmbeddings: encoder.embeddings.word)
        let hasPair = configuration.pairTask != .none
        let (names, width) = (configuration.names, configuration.hiddenSize)
        pooler = hasPair ? BertPooler(name: names.pooler, hiddenSize: width) : nil
        pairHead = hasPair ? Linear(name: names.pairHead, inputs: width, outputs: 2) : nil
        parameters =
            encoder.parameters + (pooler?.parameters ?? []) + maskedLM.parameters
            + (pairHead.map(BertLayer.parameters) ?? [])
        try configuration.initialization(seed: seed).initialize(parameters)
    }

    /// The `config.json`: a `BertConfig` (BERT and RoBERTa, `model_type` telling them apart) or
    /// an `AlbertConfig`, with ``EncoderConfiguration/architecture`` in `architectures`.
    public var configurationFile: any ModelConfigurationFile { configuration.huggingFaceConfiguration }
}
