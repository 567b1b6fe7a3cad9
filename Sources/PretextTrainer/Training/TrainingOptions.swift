import PretextCore

/// The options of `pretext train` and of a pipeline file's `train:` section, with their
/// defaults: a tiny model that learns visibly on the fixtures in under a minute on 2 cores.
/// `docs/trainer.md` lists them.
public enum TrainingOptions {
    /// Every option, in the order `pretext train --help` lists them.
    public static let specs: [OptionSpec] = [
        model.spec, layers.spec, hidden.spec, heads.spec, intermediate.spec, embeddingSize.spec, steps.spec,
        batchSize.spec,
        learningRate.spec, schedule.spec, warmupSteps.spec, weightDecay.spec, maxGradNorm.spec,
        gradientAccumulation.spec, seed.spec, evalFraction.spec, evalEvery.spec, evalBatches.spec,
        checkpointEvery.spec, logEvery.spec, loaderWorkers.spec, pooling.spec, temperature.spec, probeColumn.spec,
        probeDocuments.spec, probeMaxDocuments.spec,
    ]

    /// `model`: the architecture.
    public static let model = OptionKey<ModelKind>(
        "model", default: .auto,
        "auto (from the examples: mlm → bert, causal_lm → gpt2, contrastive → contrastive), bert, roberta, albert, "
            + "gpt2, contrastive")
    /// `layers`.
    public static let layers = OptionKey<Int>("layers", min: 1, max: 48, default: 2, "transformer layers")
    /// `hidden`.
    public static let hidden = OptionKey<Int>("hidden", min: 8, max: 4096, default: 128, "hidden size")
    /// `heads`.
    public static let heads = OptionKey<Int>("heads", min: 1, max: 64, default: 4, "attention heads (divide hidden)")
    /// `intermediate`.
    public static let intermediate = OptionKey<Int>(
        "intermediate", min: 0, max: 16_384, default: 0, "feed-forward size (0: 4 × hidden)")
    /// `embedding_size`.
    public static let embeddingSize = OptionKey<Int>(
        "embedding_size", min: 0, max: 4096, default: 0,
        "ALBERT's factorized embedding width E (0: 128, or hidden / 2 when hidden < 256)")
    /// `steps`.
    public static let steps = OptionKey<Int>("steps", min: 1, max: 10_000_000, default: 300, "optimizer steps")
    /// `batch_size`.
    public static let batchSize = OptionKey<Int>("batch_size", min: 1, max: 65_536, default: 16, "examples per batch")
    /// `learning_rate`.
    public static let learningRate = OptionKey<Double>(
        "learning_rate", min: 0, max: 1, default: 1e-3, "peak learning rate (AdamW)")
    /// `schedule`.
    public static let schedule = OptionKey<ScheduleKind>(
        "schedule", default: .linear, "after warmup: linear or cosine decay to 0, or constant (Hugging Face's)")
    /// `warmup_steps`.
    public static let warmupSteps = OptionKey<Int>(
        "warmup_steps", min: 0, max: 10_000_000, default: 30, "linear warmup from 0")
    /// `weight_decay`.
    public static let weightDecay = OptionKey<Double>(
        "weight_decay", min: 0, max: 1, default: 0.01, "AdamW decay (not on biases and LayerNorm)")
    /// `max_grad_norm`.
    public static let maxGradNorm = OptionKey<Double>(
        "max_grad_norm", min: 0, max: 1e6, default: 1, "clip the global gradient norm (0: no clipping)")
    /// `gradient_accumulation`.
    public static let gradientAccumulation = OptionKey<Int>(
        "gradient_accumulation", min: 1, max: 4096, default: 1, "batches per optimizer step")
    /// `seed`.
    public static let seed = OptionKey<Int>("seed", min: 0, default: 0, "initialization and loader order")
    /// `eval_fraction`.
    public static let evalFraction = OptionKey<Double>(
        "eval_fraction", min: 0, max: 0.5, default: 0.05, "share of the examples held out (the last ones)")
    /// `eval_every`.
    public static let evalEvery = OptionKey<Int>(
        "eval_every", min: 0, max: 10_000_000, default: 100, "evaluate every N steps (0: at the end only)")
    /// `eval_batches`.
    public static let evalBatches = OptionKey<Int>(
        "eval_batches", min: 1, max: 1_000_000, default: 20, "held-out batches per evaluation at most")
    /// `checkpoint_every`.
    public static let checkpointEvery = OptionKey<Int>(
        "checkpoint_every", min: 0, max: 10_000_000, default: 0, "write a checkpoint every N steps (0: at the end)")
    /// `log_every`.
    public static let logEvery = OptionKey<Int>(
        "log_every", min: 1, max: 1_000_000, default: 10, "a log line every N steps")
    /// `loader_workers`.
    public static let loaderWorkers = OptionKey<Int>(
        "loader_workers", min: 0, max: 64, default: 0,
        "loader threads (0: batches made on the training thread, some 50 µs against a step's milliseconds)")

    /// `pooling`.
    public static let pooling = OptionKey<ContrastivePooling>(
        "pooling", default: .mean, "contrastive: mean of the real tokens' states, or first (the [CLS] state)")
    /// `temperature`.
    public static let temperature = OptionKey<Double>(
        "temperature", min: 1e-4, max: 100, default: ContrastiveConfiguration.defaultTemperature,
        "contrastive: the cosine similarities are divided by it (SimCSE's 0.05)")
    /// `probe_column`.
    public static let probeColumn = OptionKey<String>(
        "probe_column", default: "lang",
        "the catalog column the linear probe classifies documents by (lang, source, …; none: no probe)")
    /// `probe_documents`.
    public static let probeDocuments = OptionKey<String>(
        "probe_documents", default: "",
        "the tokenized dataset the probe reads (empty: the one the examples were made from)")
    /// `probe_max_documents`.
    public static let probeMaxDocuments = OptionKey<Int>(
        "probe_max_documents", min: 2, max: 1_000_000, default: 2000, "documents the probe embeds at most")

    /// The learning-rate schedules `schedule` names (Hugging Face's names).
    public enum ScheduleKind: String, OptionChoice, Sendable {
        /// `get_linear_schedule_with_warmup`.
        case linear
        /// `get_cosine_schedule_with_warmup` (half a cycle).
        case cosine
        /// `get_constant_schedule_with_warmup`.
        case constantWithWarmup = "constant_with_warmup"
    }

    /// The architectures `model` names.
    public enum ModelKind: String, OptionChoice, Sendable {
        /// From the examples: `mlm` records → BERT, `causal_lm` records → GPT-2.
        case auto
        /// BERT (`BertForPreTraining`): MLM plus the records' pair task (NSP or SOP).
        case bert
        /// RoBERTa (`RobertaForMaskedLM`): the BERT encoder trained on MLM only.
        case roberta
        /// ALBERT (`AlbertForPreTraining`): factorized embeddings, one shared layer, MLM plus
        /// the records' pair task on the SOP head.
        case albert
        /// GPT-2 (`GPT2LMHeadModel`).
        case gpt2
        /// The BERT encoder trained contrastively (`ContrastiveEncoder`, saved as `BertModel`).
        case contrastive
    }
}
