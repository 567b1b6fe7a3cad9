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

    /// Runs every step of `pipeline` in order, or only `settings.step` once the steps before
    /// it are complete.
    ///
    /// In a multi-process run (`settings.rank`), stops after the first step that other ranks
    /// have not finished yet: the next step needs the merged dataset. Holds the lock of the
    /// pipeline's output folder for this process's ranks while it runs (`OutputLock`).
    /// - Returns: one report per step that ran (or was found finished).
    /// - Throws: `PretextError(.locked)` naming the holder when another process runs one of
    ///   these ranks into the same output; `PretextError(.notFound)` naming the first step
    ///   before `settings.step` that is not complete; `.invalidConfiguration` for a step
    ///   number out of range or a phase without a step; `PretextError` for bad input
    ///   locations or a failed task.
    public func run(_ pipeline: PipelineFile, settings: RunSettings = RunSettings()) throws -> [StepReport] {
        let (_, ranks) = try settings.tasks(configuredWorkers: pipeline.execution[ExecutionSettings.workers])
        let steps = try selectedSteps(pipeline, settings: settings)
        // Running a later step alone reads the datasets before it, not the inputs.
        if steps.first?.step.index == pipeline.steps.first?.index { try pipeline.checkInputsExist() }
        let lock = try OutputLock.acquire(folder: pipeline.output, ranks: ranks, holder: .current())
        defer { lock.release() }
        var reports: [StepReport] = []
        for step in steps {
            let report = try runner(for: step.step, execution: pipeline.execution, settings: settings)
                .run(input: step.input, outputPath: step.output)
            reports.append(report)
            guard report.merged else { break }
        }
        return reports
    }

    /// Merges the parts that the tasks of step `number` wrote (run with `settings.merges`
    /// off, `pretext run --no-merge`), then completes the step as a run does: the stage's
    /// step-end work (the audit's report) and the removal of its work area. The world size
    /// is `settings`' (`workers`, default the pipeline's `execution.workers`).
    ///
    /// - Returns: the step's report: the ranks merged now, none when it was merged before.
    /// - Throws: `PretextError(.notFound)` listing the ranks that have not finished, or naming
    ///   the first earlier step that is not complete; `.invalidConfiguration` for a step
    ///   number out of range.
    public func merge(
        _ pipeline: PipelineFile, step number: Int, settings: RunSettings = RunSettings()
    ) throws -> StepReport {
        let steps = try plannedSteps(pipeline)
        let index = try stepIndex(number, of: pipeline)
        try requireComplete(steps[..<index], execution: pipeline.execution, settings: settings)
        let step = steps[index]
        return try runner(for: step.step, execution: pipeline.execution, settings: settings)
            .merge(input: step.input, outputPath: step.output)
    }

    /// The dataset of the pipeline's last step once every step is complete: what its `train:`
    /// section reads when it runs alone (`pretext run --step train`).
    ///
    /// - Throws: `PretextError(.notFound)` naming the first step that is not complete with
    ///   `settings`' world size.
    public func finalDataset(_ pipeline: PipelineFile, settings: RunSettings = RunSettings()) throws -> Dataset {
        let steps = try plannedSteps(pipeline)
        try requireComplete(steps[...], execution: pipeline.execution, settings: settings)
        guard let last = steps.last else {
            throw PretextError(.invalidConfiguration, "the pipeline has no steps", path: pipeline.path)
        }
        return try Dataset.open(at: last.output)
    }

    /// A step with what it reads and the dataset it writes.
    struct PlannedStep {
        let step: PipelineStep
        let input: StageInput
        let output: String
    }

    /// Each step with what it reads and the dataset it writes, checked before anything is
    /// written: a pipeline whose steps cannot follow each other leaves no output folder.
    func plannedSteps(_ pipeline: PipelineFile) throws -> [PlannedStep] {
        let inputs = try pipeline.stepInputs(registry: registry)
        return zip(pipeline.steps, inputs).map { step, input in
            PlannedStep(step: step, input: input, output: pipeline.stepOutput(step))
        }
    }

    /// The steps a run runs: all of them, or `settings.step` alone once the steps before it
    /// are complete.
    private func selectedSteps(_ pipeline: PipelineFile, settings: RunSettings) throws -> [PlannedStep] {
        let steps = try plannedSteps(pipeline)
        guard let number = settings.step else {
            if settings.phase != nil {
                throw PretextError(.invalidConfiguration, "--phase needs --step: a phase belongs to one step")
            }
            return steps
        }
        let index = try stepIndex(number, of: pipeline)
        try requireComplete(steps[..<index], execution: pipeline.execution, settings: settings)
        return [steps[index]]
    }

    /// The position in `pipeline.steps` of step `number` (1-based).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for a number out of range.
    private func stepIndex(_ number: Int, of pipeline: PipelineFile) throws -> Int {
        guard let index = pipeline.steps.firstIndex(where: { $0.index == number }) else {
            let names = pipeline.steps.map { "\($0.index) (\($0.stage))" }.joined(separator: ", ")
            throw PretextError(
                .invalidConfiguration, "--step \(number): the pipeline's steps are \(names)", path: pipeline.path)
        }
        return index
    }

    /// Checks that every step of `steps` is complete (merged), in order.
    ///
    /// - Throws: `PretextError(.notFound)` naming the first step that is not, and what it
    ///   lacks: unfinished ranks, or the merge.
    private func requireComplete(
        _ steps: ArraySlice<PlannedStep>, execution: StageOptions, settings: RunSettings
    ) throws {
        for step in steps {
            let completion = try runner(for: step.step, execution: execution, settings: settings)
                .completion(input: step.input, outputPath: step.output)
            let name = "step \(step.step.index) (\(step.step.stage)) is not complete"
            switch completion {
            case .complete:
                continue
            case .unmerged:
                throw PretextError(
                    .notFound, "\(name): its tasks have finished, but it is not merged; merge it first (pretext merge)",
                    path: step.output)
            case .unfinished(let ranks, let worldSize):
                throw PretextError(
                    .notFound,
                    "\(name): ranks \(DatasetMerger.describe(ranks)) of \(worldSize) have not finished; run it first",
                    path: step.output)
            }
        }
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
        return try runner(for: step, execution: execution, settings: settings).run(input: input, outputPath: output)
    }

    /// The runner of `step`, its stage made from the registry.
    private func runner(
        for step: PipelineStep, execution: StageOptions, settings: RunSettings
    ) throws -> any StepRunning {
        let stage = try registry.make(step.stage, options: step.options)
        return runner(opening: stage, step: step, execution: execution, settings: settings)
    }

    /// Opens the existential so the step runs with the stage's concrete type.
    private func runner<S: Stage>(
        opening stage: S, step: PipelineStep, execution: StageOptions, settings: RunSettings
    ) -> any StepRunning {
        StepRunner(stage: stage, step: step.index, options: step.options, execution: execution, settings: settings)
    }
}
