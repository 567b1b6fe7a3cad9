import PretextCore
import PretextStages
import PretextStore
import _PretextFileSystem

/// What the pipeline runner asks of one step, whatever its stage's type.
protocol StepRunning {
    /// Runs this process's tasks of the step (`StepRunner.run`).
    func run(input: StageInput, outputPath: String) throws -> StepReport
    /// Merges the parts the step's tasks wrote and completes the step (`StepRunner.merge`).
    func merge(input: StageInput, outputPath: String) throws -> StepReport
    /// Where the step stands as a whole (`StepRunner.completion`).
    func completion(input: StageInput, outputPath: String) throws -> StepCompletion
}

/// Runs one step of a pipeline: plans the stage's units, runs this process's tasks (threads),
/// and merges the tasks' catalog parts once every task of the step has finished.
struct StepRunner<S: Stage>: StepRunning {
    let stage: S
    let step: Int
    let options: StageOptions
    let execution: StageOptions
    let settings: RunSettings

    /// What the step runs with: the world size, this process's ranks, each rank's units and
    /// the configuration hash.
    struct Plan {
        let worldSize: Int
        let ranks: [Int]
        let assignment: [[S.Unit]]
        let hash: String

        /// Every unit of the step, rank after rank.
        var units: [S.Unit] { assignment.flatMap { $0 } }
        /// `HASH-wN`: the configuration and world size, as lock files and work areas name it.
        var config: String { "\(hash)-w\(worldSize)" }
    }

    /// Runs the step's tasks of this process into the dataset at `outputPath`, holding the
    /// folder's lock for those ranks (`OutputLock`) until the step returns. With
    /// `settings.phase`, runs only that phase; without `settings.merges`, leaves the parts
    /// for `merge`.
    func run(input: StageInput, outputPath: String) throws -> StepReport {
        try checkPhaseName()
        let plan = try plan(input)
        let lock = try OutputLock.acquire(folder: outputPath, ranks: plan.ranks, holder: .current(config: plan.config))
        defer { lock.release() }
        if settings.overwrite {
            try StepDirectory.removeIfForeign(
                outputPath, step: step, stage: S.descriptor.name, hash: plan.hash, worldSize: plan.worldSize,
                lock: lock, config: plan.config)
        }
        let dataset = try Dataset.create(at: outputPath)
        var report = StepReport(step: step, stage: S.descriptor.name, dataset: dataset)
        let before = try status(dataset, plan)
        let work = workArea(outputPath, plan)
        if let work, let phased = stage as? any PhasedStage {
            guard try runPhases(phased, plan: plan, work: work, before: before, into: &report) else { return report }
        }
        try runTasks(plan, dataset: dataset, work: work, into: &report)
        guard settings.merges else {
            // A step found merged is complete; otherwise `pretext merge` completes it.
            report.merged = before.ranks(.merged).count == plan.worldSize
            report.mergeDeferred = !report.merged
            return report
        }
        try complete(dataset: dataset, input: input, plan: plan, work: work, into: &report)
        if !report.merged, settings.rank == nil { throw notMergedError(report) }
        return report
    }

    /// Merges the parts the step's tasks wrote (with `settings.merges` off, `pretext run
    /// --no-merge`), then completes the step as `run` does.
    ///
    /// - Throws: `PretextError(.notFound)` listing the ranks that have not finished.
    func merge(input: StageInput, outputPath: String) throws -> StepReport {
        let plan = try plan(input)
        guard FileSystem.exists(FileSystem.join(outputPath, Dataset.catalogName)) else {
            let message = DatasetMerger.waitingMessage(
                step: step, stage: S.descriptor.name, ranks: Array(0..<plan.worldSize), worldSize: plan.worldSize)
            throw PretextError(.notFound, message, path: outputPath)
        }
        let dataset = try Dataset.create(at: outputPath)
        var report = StepReport(step: step, stage: S.descriptor.name, dataset: dataset)
        try complete(dataset: dataset, input: input, plan: plan, work: workArea(outputPath, plan), into: &report)
        guard report.merged else { throw notMergedError(report) }
        return report
    }

    /// Where the step stands as a whole, without writing anything: complete (merged), every
    /// task finished but not merged, or the ranks whose tasks have not finished.
    func completion(input: StageInput, outputPath: String) throws -> StepCompletion {
        let (worldSize, _) = try settings.tasks(configuredWorkers: execution[ExecutionSettings.workers])
        guard FileSystem.exists(FileSystem.join(outputPath, Dataset.catalogName)) else {
            return .unfinished(ranks: Array(0..<worldSize), worldSize: worldSize)
        }
        let status = try status(try Dataset.open(at: outputPath), try plan(input))
        let pending = status.ranks(.pending)
        if !pending.isEmpty { return .unfinished(ranks: pending, worldSize: worldSize) }
        return status.ranks(.merged).count == worldSize ? .complete : .unmerged
    }

    // MARK: planning

    /// Plans the step's units over the world size and hashes its configuration.
    private func plan(_ input: StageInput) throws -> Plan {
        let (worldSize, ranks) = try settings.tasks(configuredWorkers: execution[ExecutionSettings.workers])
        let assignment = try stage.planTasks(input, worldSize: worldSize)
        return Plan(
            worldSize: worldSize, ranks: ranks, assignment: assignment, hash: configHash(assignment.flatMap { $0 }))
    }

    /// The work area of a phased step: one per configuration and world size, so files of
    /// another split never mix in; `nil` for single-pass stages.
    private func workArea(_ outputPath: String, _ plan: Plan) -> WorkArea? {
        guard stage is any PhasedStage else { return nil }
        return WorkArea(root: FileSystem.join(StepDirectory.workDirectory(outputPath), plan.config))
    }

    /// Where the step's tasks stand (a done task's phases need not run again, even when the
    /// work area was deleted).
    private func status(_ dataset: Dataset, _ plan: Plan) throws -> StepStatus {
        try StepStatus(
            dataset: dataset, step: step, stage: S.descriptor.name, configHash: plan.hash, worldSize: plan.worldSize)
    }

    /// The configuration hash: the stage, its options, the store settings and the input units.
    /// A rerun with the same hash skips finished tasks.
    private func configHash(_ units: [S.Unit]) -> String {
        StepConfiguration.hash(
            stage: S.descriptor.name, step: step, options: options, execution: execution, units: units)
    }

    // MARK: phases

    /// Checks `settings.phase` against the stage's phases before anything is written.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for a stage without phases, or a name
    ///   that is not one of its phases (listing them).
    private func checkPhaseName() throws {
        guard let name = settings.phase else { return }
        let names = (stage as? any PhasedStage)?.phaseNames() ?? []
        guard !names.contains(name) else { return }
        let stage = "step \(step) (\(S.descriptor.name))"
        throw PretextError(
            .invalidConfiguration,
            names.isEmpty
                ? "--phase \(name): \(stage) has no phases (--phase is for phased stages: dedupe, tokenizer, audit)"
                : "--phase \(name): \(stage) has no such phase; its phases are "
                    + names.joined(separator: ", "))
    }

    /// Runs the phases before the final pass (or only `settings.phase`).
    ///
    /// - Returns: `true` when the final pass may run now; `false` when the step stops here
    ///   (other ranks have not finished a phase, or only one phase was asked for).
    private func runPhases(
        _ phased: any PhasedStage, plan: Plan, work: WorkArea, before: StepStatus, into report: inout StepReport
    ) throws -> Bool {
        let phases = try phased.phases(anyUnits: plan.units)
        let runner = PhaseRunner(step: step, stage: S.descriptor.name, settings: settings)
        let finished = before.doneRanks
        guard let name = settings.phase else {
            report.waitingFor = try runner.run(
                phases, work: work, ranks: plan.ranks, worldSize: plan.worldSize, finished: finished)
            return report.waitingFor == nil
        }
        report.phase = name
        let ran = try runner.runOnly(
            name, of: phases, work: work, ranks: plan.ranks, worldSize: plan.worldSize, finished: finished)
        report.ranksRun = ran
        report.ranksSkipped = plan.ranks.filter { !ran.contains($0) }
        report.merged = before.ranks(.merged).count == plan.worldSize
        return false
    }

    /// The error of a step that could not be merged: the ranks it waits for.
    private func notMergedError(_ report: StepReport) -> PretextError {
        PretextError(.notFound, report.waitingFor ?? "step \(step) is not merged", path: report.dataset.partsDirectory)
    }
}

/// Where a whole step stands, for a step run alone (`--step`) that reads it.
enum StepCompletion: Equatable {
    /// Merged: a later step can read its dataset.
    case complete
    /// Every task finished; the parts wait for `pretext merge`.
    case unmerged
    /// These ranks of `worldSize` have not finished their task.
    case unfinished(ranks: [Int], worldSize: Int)
}
