import PretextCore
import PretextStages
import PretextStore
import _PretextFileSystem

/// Runs pipelines and single stages on this machine.
///
/// Each step writes its dataset to `OUTPUT/NN-STAGE`; the first step reads the pipeline's
/// inputs (raw files for `ingest`, a dataset directory otherwise) and each later step reads
/// the dataset of the step before. Finished tasks are skipped on a rerun.
public struct PipelineRunner: Sendable {
    private let registry: StageRegistry

    /// Creates a runner over the stages of `registry`.
    public init(registry: StageRegistry = .standard) { self.registry = registry }

    /// Runs every step of `pipeline` in order.
    ///
    /// In a multi-process run (`settings.rank`), stops after the first step that other ranks
    /// have not finished yet: the next step needs the merged dataset. Holds the lock of the
    /// pipeline's output folder for this process's ranks while it runs (`OutputLock`).
    /// - Returns: one report per step that ran (or was found finished).
    /// - Throws: `PretextError(.locked)` naming the holder when another process runs one of
    ///   these ranks into the same output; `PretextError` for bad input locations or a failed
    ///   task.
    public func run(_ pipeline: PipelineFile, settings: RunSettings = RunSettings()) throws -> [StepReport] {
        let (_, ranks) = try settings.tasks(configuredWorkers: pipeline.execution[ExecutionSettings.workers])
        let steps = try plannedSteps(pipeline)
        let lock = try OutputLock.acquire(folder: pipeline.output, ranks: ranks, holder: .current())
        defer { lock.release() }
        var reports: [StepReport] = []
        for (step, input, output) in steps {
            let report = try runStep(
                step, input: input, output: output, execution: pipeline.execution, settings: settings)
            reports.append(report)
            guard report.merged else { break }
        }
        return reports
    }

    /// Each step with what it reads and the dataset it writes, checked before anything is
    /// written: a pipeline whose steps cannot follow each other leaves no output folder.
    func plannedSteps(_ pipeline: PipelineFile) throws -> [(PipelineStep, StageInput, String)] {
        var steps: [(PipelineStep, StageInput, String)] = []
        var previous: String?
        for step in pipeline.steps {
            let output = FileSystem.join(pipeline.output, step.directoryName)
            steps.append((step, try input(for: step, pipeline: pipeline, previous: previous), output))
            previous = output
        }
        return steps
    }

    /// Runs one stage alone (`pretext stage`): from `input` to the dataset at `output`.
    ///
    /// - Throws: `PretextError(.locked)` naming the holder when another process runs one of
    ///   these ranks into `output`; `PretextError` for bad input or a failed task.
    public func runStage(
        _ name: String, options: StageOptions, input: StageInput, output: String,
        execution: StageOptions = ExecutionSettings.defaults, settings: RunSettings = RunSettings()
    ) throws -> StepReport {
        let step = PipelineStep(index: 1, stage: name, options: options)
        return try runStep(step, input: input, output: output, execution: execution, settings: settings)
    }

    private func runStep(
        _ step: PipelineStep, input: StageInput, output: String, execution: StageOptions, settings: RunSettings
    ) throws -> StepReport {
        let stage = try registry.make(step.stage, options: step.options)
        return try runOpened(stage, step: step, input: input, output: output, execution: execution, settings: settings)
    }

    /// Opens the existential so the step runs with the stage's concrete type.
    private func runOpened<S: Stage>(
        _ stage: S, step: PipelineStep, input: StageInput, output: String, execution: StageOptions,
        settings: RunSettings
    ) throws -> StepReport {
        let runner = StepRunner(
            stage: stage, step: step.index, options: step.options, execution: execution, settings: settings)
        return try runner.run(input: input, outputPath: output)
    }

    private func input(for step: PipelineStep, pipeline: PipelineFile, previous: String?) throws -> StageInput {
        let descriptor = try registry.descriptor(named: step.stage)
        switch (descriptor.input, previous) {
        case (.files, nil):
            guard !pipeline.inputs.isEmpty else {
                throw PretextError(
                    .invalidConfiguration, "stage '\(step.stage)' reads files, but the pipeline has no 'inputs'",
                    path: pipeline.path, line: step.line)
            }
            return .files(pipeline.inputs)
        case (.files, _?):
            throw PretextError(
                .invalidConfiguration, "stage '\(step.stage)' reads raw files; it must be the first step",
                path: pipeline.path, line: step.line)
        case (.dataset, let previous?):
            return .dataset(path: previous)
        case (.dataset, nil):
            guard pipeline.inputs.count == 1 else {
                throw PretextError(
                    .invalidConfiguration,
                    "the first stage '\(step.stage)' reads a dataset: give exactly one input, the dataset directory",
                    path: pipeline.path, line: step.line)
            }
            return .dataset(path: pipeline.inputs[0].path)
        }
    }
}
