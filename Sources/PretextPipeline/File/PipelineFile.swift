import PretextCore
import PretextStages
import PretextStore

/// A parsed, checked pipeline file (`pipelines/*.yaml`).
///
/// ```yaml
/// name: quickstart
/// output: out/quickstart            # datasets are written under here, one per step
/// inputs:                           # read by the ingest stage
///   - fixtures/corpus/jsonl         # a path, directory or glob
///   - path: fixtures/corpus/text/blocks
///     text_mode: blocks
/// execution:
///   workers: 2
/// stages:
///   - stage: ingest
///     max_document_bytes: 65536
/// ```
///
/// Relative paths are resolved against the current directory, as dolma and datatrove do.
/// The full schema is in `docs/pipelines.md`.
public struct PipelineFile: Sendable {
    /// The file the pipeline was read from (for messages).
    public var path: String
    /// A name for people; defaults to the file's base name.
    public var name: String
    /// The directory under which each step writes its dataset (`NN-stage`).
    public var output: String
    /// The inputs the first stage reads (files, directories, globs).
    public var inputs: [InputSpec]
    /// How the pipeline runs: workers and store settings.
    public var execution: StageOptions
    /// The stages in order.
    public var steps: [PipelineStep]
    /// The `train:` section: a model trained on the last step's examples after the stages
    /// (`TrainingOptions`), or `nil`.
    public var training: StageOptions?
    /// The `execution.slurm` section: how `pretext slurm` writes the pipeline's batch jobs.
    public var slurm: SlurmSection

    /// Creates a pipeline from parts (the Swift API); no file involved.
    public init(
        path: String = "<api>", name: String, output: String, inputs: [InputSpec],
        execution: StageOptions, steps: [PipelineStep], training: StageOptions? = nil,
        slurm: SlurmSection = SlurmSection()
    ) {
        self.path = path
        self.name = name
        self.output = output
        self.inputs = inputs
        self.execution = execution
        self.steps = steps
        self.training = training
        self.slurm = slurm
    }
}

/// One stage of a pipeline with its checked options.
public struct PipelineStep: Sendable {
    /// The 1-based position of the step in the pipeline.
    public var index: Int
    /// The registered stage name.
    public var stage: String
    /// The stage's options, checked against its declaration.
    public var options: StageOptions
    /// The line of the pipeline file that starts this step, if it came from a file.
    public var line: Int?

    /// Creates a step.
    public init(index: Int, stage: String, options: StageOptions, line: Int? = nil) {
        self.index = index
        self.stage = stage
        self.options = options
        self.line = line
    }

    /// The name of the step's dataset directory under the pipeline output: `01-ingest`.
    public var directoryName: String {
        (index < 10 ? "0" : "") + "\(index)-\(stage)"
    }
}

/// The `execution:` section: how a pipeline runs, common to all stages.
public enum ExecutionSettings {
    /// The options the `execution:` section accepts.
    public static let specs: [OptionSpec] =
        [workers, frameBytes, shardBytes, compressionLevel].map(\.spec) + [keepWork.spec]

    /// `workers`: tasks run at once on this machine.
    public static let workers = OptionKey<Int>(
        "workers", min: 1, max: 1024, default: 1, "tasks run at once on this machine")
    /// `frame_bytes`: the shard frame size.
    public static let frameBytes = OptionKey<Int>(
        "frame_bytes", min: 1024, max: 1 << 30, default: ShardWriter.defaultFrameSize,
        "uncompressed size of a shard frame (the unit of random access)")
    /// `shard_bytes`: the size at which a task starts a new shard.
    public static let shardBytes = OptionKey<Int>(
        "shard_bytes", min: 1 << 16, max: 1 << 40, default: DatasetPartWriter.Configuration.defaultShardBytes,
        "uncompressed size at which a task starts a new shard")
    /// `compression_level`: the zstd level.
    public static let compressionLevel = OptionKey<Int>(
        "compression_level", min: 1, max: 19, default: ShardWriter.defaultCompressionLevel, "zstd level for shards")

    /// `keep_work`: keep a phased step's work area once its dataset is complete.
    public static let keepWork = OptionKey<Bool>(
        "keep_work", default: false,
        "keep a phased step's work files (STEP/work/) after its dataset is complete; by default they are removed")

    /// The store settings that are part of a step's configuration hash.
    static let storeKeys = [frameBytes, shardBytes, compressionLevel]

    /// The defaults, for runs without a pipeline file.
    public static var defaults: StageOptions {
        // The specs above are all valid with no given values, so this cannot throw.
        (try? StageOptions(specs: specs, given: [], context: "execution")) ?? StageOptions()
    }
}
