/// Seeded initialization of a model's parameters, as Hugging Face's `_init_weights` does it
/// for BERT (RoBERTa's and ALBERT's are the same rules) and GPT-2, chosen by each parameter's
/// (Hugging Face) name.
///
/// - LayerNorm weights (a module named `…LayerNorm`, `…layer_norm` — ALBERT's
///   `full_layer_layer_norm` — or `ln_…`): 1; their biases 0.
/// - Every other bias (linear layers, `cls.predictions.bias`): 0.
/// - Every other weight (linear and Conv1D weights, embeddings): normal(0, `initializerRange`),
///   except the `scaledWeights`, drawn with their own standard deviation (GPT-2's `c_proj`:
///   `initializerRange / √(2 · n_layer)`), and with the padding row of the `paddingRows`
///   embeddings zeroed (`padding_idx`).
///
/// Each parameter draws from its own stream, derived from `seed` and its name
/// (`NormalRandom(seed:stream:)`), so adding a parameter does not change the others' values.
public struct WeightInitialization: Sendable, Equatable {
    /// An embedding (by name suffix) whose padding row is zeroed.
    public struct PaddingRow: Sendable, Equatable {
        /// The end of the parameter's name, at a `.` boundary (`word_embeddings.weight`).
        public var suffix: String
        /// The row set to zero (the pad token id).
        public var row: Int

        /// A padding row for the embeddings whose names end with `suffix`.
        public init(suffix: String, row: Int) {
            self.suffix = suffix
            self.row = row
        }
    }

    /// Weights (by name suffix) drawn with a standard deviation other than `initializerRange`.
    public struct ScaledWeight: Sendable, Equatable {
        /// The end of the parameter's name, at a `.` boundary (`c_proj.weight`).
        public var suffix: String
        /// Their standard deviation.
        public var standardDeviation: Double

        /// Weights whose names end with `suffix`, drawn with `standardDeviation`.
        public init(suffix: String, standardDeviation: Double) {
            self.suffix = suffix
            self.standardDeviation = standardDeviation
        }
    }

    /// The seed all parameter streams derive from.
    public var seed: UInt64
    /// The standard deviation of weights (`initializer_range`).
    public var initializerRange: Double
    /// Embeddings whose padding row is zeroed.
    public var paddingRows: [PaddingRow]
    /// Weights with their own standard deviation.
    public var scaledWeights: [ScaledWeight]

    /// An initialization; with no padding rows or scaled weights every weight is
    /// normal(0, `initializerRange`).
    public init(
        seed: UInt64, initializerRange: Double = 0.02, paddingRows: [PaddingRow] = [],
        scaledWeights: [ScaledWeight] = []
    ) {
        self.seed = seed
        self.initializerRange = initializerRange
        self.paddingRows = paddingRows
        self.scaledWeights = scaledWeights
    }

    /// BERT's (`BertPreTrainedModel._init_weights`): the word embeddings' `pad_token_id` row
    /// is zero when a pad id is given.
    public static func bert(seed: UInt64, initializerRange: Double = 0.02, padTokenID: Int?) -> Self {
        let padding = padTokenID.map { [PaddingRow(suffix: "word_embeddings.weight", row: $0)] } ?? []
        return Self(seed: seed, initializerRange: initializerRange, paddingRows: padding)
    }

    /// GPT-2's (`GPT2PreTrainedModel._init_weights`): both `c_proj` weights of each block (the
    /// projections into the residual stream) have `initializerRange / √(2 · layerCount)`.
    public static func gpt2(seed: UInt64, initializerRange: Double = 0.02, layerCount: Int) -> Self {
        let scaled = initializerRange / (2 * Double(layerCount)).squareRoot()
        return Self(
            seed: seed, initializerRange: initializerRange,
            scaledWeights: [ScaledWeight(suffix: "c_proj.weight", standardDeviation: scaled)])
    }
}
