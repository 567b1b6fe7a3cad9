import PretextCore

/// The typed settings of a training run, read from checked `TrainingOptions`.
public struct TrainingConfiguration: Sendable, Equatable {
    /// The architecture (`auto`: chosen from the examples).
    public var model: TrainingOptions.ModelKind
    /// Layers, hidden size, heads and feed-forward size (0: 4 × hidden).
    public var layers: Int
    /// See `layers`.
    public var hidden: Int
    /// See `layers`.
    public var heads: Int
    /// See `layers`.
    public var intermediate: Int
    /// ALBERT's embedding width E (0: ``albertEmbeddingSize``'s default).
    public var embeddingSize: Int
    /// Optimizer steps.
    public var steps: Int
    /// Examples per batch (per micro-batch when accumulating).
    public var batchSize: Int
    /// The peak learning rate.
    public var learningRate: Double
    /// The schedule after warmup.
    public var schedule: TrainingOptions.ScheduleKind
    /// Linear warmup steps from 0.
    public var warmupSteps: Int
    /// AdamW's decoupled weight decay.
    public var weightDecay: Double
    /// The global gradient norm clipped to (0: no clipping).
    public var maxGradNorm: Double
    /// Batches per optimizer step.
    public var gradientAccumulation: Int
    /// Seeds initialization and the loader's order.
    public var seed: UInt64
    /// The share of the examples held out for evaluation (the last ones in storage order).
    public var evalFraction: Double
    /// Evaluate every N steps (0: at the end only).
    public var evalEvery: Int
    /// Held-out batches per evaluation, at most.
    public var evalBatches: Int
    /// Write a checkpoint every N steps (0: at the end only).
    public var checkpointEvery: Int
    /// A log line every N steps.
    public var logEvery: Int
    /// Loader threads.
    public var loaderWorkers: Int
    /// Contrastive: how token states become a text's embedding.
    public var pooling: ContrastivePooling
    /// Contrastive: the similarities' temperature.
    public var temperature: Double
    /// The column the linear probe classifies by (`none` or empty: no probe).
    public var probeColumn: String
    /// The tokenized dataset the probe reads (empty: the examples' own, `ExampleMetaKeys.documents`).
    public var probeDocuments: String
    /// Documents the probe embeds at most.
    public var probeMaxDocuments: Int

    /// The settings of checked options (every option present or defaulted).
    public init(_ options: StageOptions) {
        model = options[TrainingOptions.model]
        layers = options[TrainingOptions.layers]
        hidden = options[TrainingOptions.hidden]
        heads = options[TrainingOptions.heads]
        intermediate = options[TrainingOptions.intermediate]
        embeddingSize = options[TrainingOptions.embeddingSize]
        steps = options[TrainingOptions.steps]
        batchSize = options[TrainingOptions.batchSize]
        learningRate = options[TrainingOptions.learningRate]
        schedule = options[TrainingOptions.schedule]
        warmupSteps = options[TrainingOptions.warmupSteps]
        weightDecay = options[TrainingOptions.weightDecay]
        maxGradNorm = options[TrainingOptions.maxGradNorm]
        gradientAccumulation = options[TrainingOptions.gradientAccumulation]
        seed = UInt64(options[TrainingOptions.seed])
        evalFraction = options[TrainingOptions.evalFraction]
        evalEvery = options[TrainingOptions.evalEvery]
        evalBatches = options[TrainingOptions.evalBatches]
        checkpointEvery = options[TrainingOptions.checkpointEvery]
        logEvery = options[TrainingOptions.logEvery]
        loaderWorkers = options[TrainingOptions.loaderWorkers]
        pooling = options[TrainingOptions.pooling]
        temperature = options[TrainingOptions.temperature]
        probeColumn = options[TrainingOptions.probeColumn]
        probeDocuments = options[TrainingOptions.probeDocuments]
        probeMaxDocuments = options[TrainingOptions.probeMaxDocuments]
    }

    /// The defaults.
    public static var defaults: TrainingConfiguration { TrainingConfiguration(StageOptions()) }

    /// The feed-forward size: `intermediate`, or 4 × `hidden` when it is 0.
    public var feedForward: Int { intermediate == 0 ? 4 * hidden : intermediate }

    /// ALBERT's embedding width: `embedding_size`, or when it is 0 ALBERT's 128 — halved down to
    /// hidden / 2 for a model narrower than 256, so that E < H still factorizes the embeddings.
    public var albertEmbeddingSize: Int { embeddingSize == 0 ? min(128, hidden / 2) : embeddingSize }

    /// The learning-rate schedule over `steps`.
    public var learningRateSchedule: LearningRateSchedule {
        switch schedule {
        case .linear: .linearWithWarmup(warmupSteps: warmupSteps, totalSteps: steps)
        case .cosine: .cosineWithWarmup(warmupSteps: warmupSteps, totalSteps: steps)
        case .constantWithWarmup: .constantWithWarmup(warmupSteps: warmupSteps)
        }
    }

    /// Throws `.invalidConfiguration` for settings that cannot work together.
    public func validate() throws {
        guard hidden % heads == 0 else {
            throw PretextError(
                .invalidConfiguration, "train: hidden (\(hidden)) must be a multiple of heads (\(heads))")
        }
        guard embeddingSize == 0 || model == .albert else {
            throw PretextError(
                .invalidConfiguration, "train: embedding_size applies to model albert only; it is \(model.rawValue)")
        }
    }
}
