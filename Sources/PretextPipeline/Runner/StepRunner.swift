import Dispatch
import PretextCore
import PretextStages
import PretextStore
import Synchronization
import _PretextFileSystem

/// Runs one step of a pipeline: plans the stage's units, runs this process's tasks (threads),
/// and merges the tasks' catalog parts once every task of the step has finished.
struct StepRunner<S: Stage> {
    let stage: S
    let step: Int
    let options: StageOptions
    let execution: StageOptions
    let settings: RunSettings

    /// Runs the step's tasks of this process into the dataset at `outputPath`, holding the
    /// folder's lock for those ranks (`OutputLock`) until the step returns.
    func run(input: StageInput, outputPath: String) throws -> StepReport {
        let (worldSize, ranks) = try settings.tasks(configuredWorkers: execution[ExecutionSettings.workers])
        let assignment = try stage.planTasks(input, worldSize: worldSize)
        let units = assignment.flatMap { $0 }
        let hash = configHash(units)
        let config = "\(hash)-w\(worldSize)"
        let lock = try OutputLock.acquire(folder: outputPath, ranks: ranks, holder: .current(config: config))
        defer { lock.release() }
        if settings.overwrite {
            try StepDirectory.removeIfForeign(
                outputPath, step: step, stage: S.descriptor.name, hash: hash, worldSize: worldSize, lock: lock,
                config: config)
        }
        let dataset = try Dataset.create(at: outputPath)
        var report = StepReport(step: step, stage: S.descriptor.name, dataset: dataset)
        let before = try status(dataset, hash: hash, worldSize: worldSize)
        var work: WorkArea?
        if let phased = stage as? any PhasedStage {
            // One work area per configuration and world size: files of another split never mix in.
            let area = WorkArea(
                root: FileSystem.join(StepDirectory.workDirectory(outputPath), "\(hash)-w\(worldSize)"))
            work = area
            let phases = PhaseRunner(step: step, stage: S.descriptor.name, settings: settings)
            if let waiting = try phases.run(
                phased.phases(anyUnits: units), work: area, ranks: ranks, worldSize: worldSize,
                finished: before.doneRanks)
            {
                report.waitingFor = waiting
                return report
            }
        }
        let progress = Progress(
            label: "step \(step) \(S.descriptor.name)", totalBytes: units.reduce(0) { $0 + $1.bytes },
            style: settings.progressStyle)
        let outcomes = try runTasks(
            ranks, assignment: assignment, worldSize: worldSize, dataset: dataset, hash: hash, progress: progress,
            work: work)
        progress.finish()
        for (rank, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
            report.add(outcome, rank: rank)
        }
        try merge(dataset: dataset, hash: hash, worldSize: worldSize, into: &report)
        guard report.merged else { return report }
        let wasComplete = before.ranks(.merged).count == worldSize
        try finish(
            dataset: dataset, input: input, work: work, worldSize: worldSize, wasComplete: wasComplete, into: &report)
        if work != nil, !execution[ExecutionSettings.keepWork] { try StepDirectory.removeWork(outputPath) }
        return report
    }

    /// Runs the stage's step-end work (`StageFinishing`) on the merged dataset; skipped, with
    /// a note, for a step found complete whose work area was already removed (its results
    /// were written by the run that completed it).
    private func finish(
        dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int, wasComplete: Bool,
        into report: inout StepReport
    ) throws {
        guard let finishing = stage as? any StageFinishing else { return }
        if wasComplete, let work, !FileSystem.exists(work.root) {
            report.notes = ["step already complete; its work area was removed (keep_work: true keeps it)"]
            return
        }
        report.notes = try finishing.finishStep(dataset: dataset, input: input, work: work, worldSize: worldSize)
    }

    // MARK: tasks

    private func runTasks(
        _ ranks: [Int], assignment: [[S.Unit]], worldSize: Int, dataset: Dataset, hash: String, progress: Progress,
        work: WorkArea?
    ) throws -> [Int: TaskOutcome] {
        let results = Mutex<[Int: Result<TaskOutcome, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: ranks.count) { index in
            let rank = ranks[index]
            let result = Result {
                try runTask(
                    rank: rank, units: assignment[rank], worldSize: worldSize, dataset: dataset, hash: hash,
                    progress: progress, work: work)
            }
            results.withLock { $0[rank] = result }
        }
        return try results.withLock { results in
            // Report the lowest failing rank's error; the others' parts are finished or redone.
            for rank in results.keys.sorted() { if case .failure(let error) = results[rank]! { throw error } }
            return results.mapValues { (try? $0.get()) ?? .skipped }
        }
    }

    private func runTask(
        rank: Int, units: [S.Unit], worldSize: Int, dataset: Dataset, hash: String, progress: Progress,
        work: WorkArea?
    ) throws -> TaskOutcome {
        let configuration = DatasetPartWriter.Configuration(
            step: step, stage: S.descriptor.name, rank: rank, worldSize: worldSize, configHash: hash,
            outputKind: S.descriptor.output, frameSize: execution[ExecutionSettings.frameBytes],
            shardBytes: execution[ExecutionSettings.shardBytes],
            compressionLevel: execution[ExecutionSettings.compressionLevel])
        let writer = DatasetPartWriter(dataset: dataset, configuration: configuration)
        guard try writer.begin() == .started else { return .skipped }
        let task = StageTask(
            step: step, stage: S.descriptor.name, rank: rank, worldSize: worldSize, writer: writer, progress: progress,
            work: work)
        do {
            try stage.run(units, in: task)
            try writeResultManifests(of: task)
            try writer.finish(counts: task.counts)
        } catch {
            writer.fail()
            throw error
        }
        return .ran(documentsIn: task.documentsIn, kept: task.kept, rejected: task.rejected, fileDrops: task.fileDrops)
    }

    /// Lists the results a task left in the work area in its manifest of each phase, before the
    /// task is recorded done (a task redone after a crash rewrites both).
    private func writeResultManifests(of task: StageTask) throws {
        guard let work = task.work else { return }
        for (phase, files) in task.results.sorted(by: { $0.key < $1.key }) {
            try work.writeManifest(
                PhaseManifest(phase: phase, rank: task.rank, worldSize: task.worldSize, files: files))
        }
    }

    /// Where the step's tasks stand (a done task's phases need not run again, even when the
    /// work area was deleted).
    private func status(_ dataset: Dataset, hash: String, worldSize: Int) throws -> StepStatus {
        try StepStatus(dataset: dataset, step: step, stage: S.descriptor.name, configHash: hash, worldSize: worldSize)
    }

    // MARK: merge

    /// Merges the step once every rank is done. In a multi-process run (`--rank`) ranks still
    /// running elsewhere leave the step waiting: the last process to finish merges.
    private func merge(dataset: Dataset, hash: String, worldSize: Int, into report: inout StepReport) throws {
        let stage = S.descriptor.name
        let outcome = try FileLock.withLock(at: dataset.path("parts/.merge.lock")) {
            try DatasetMerger.merge(dataset: dataset, step: step, stage: stage, configHash: hash, worldSize: worldSize)
        }
        switch outcome {
        case .merged:
            report.merged = true
        case .waiting(let ranks):
            let message = DatasetMerger.waitingMessage(step: step, stage: stage, ranks: ranks, worldSize: worldSize)
            guard settings.rank != nil else {
                throw PretextError(.notFound, message, path: dataset.partsDirectory)
            }
            report.waitingFor = message
        }
    }

    /// The configuration hash: the stage, its options, the store settings and the input units.
    /// A rerun with the same hash skips finished tasks.
    private func configHash(_ units: [S.Unit]) -> String {
        StepConfiguration.hash(
            stage: S.descriptor.name, step: step, options: options, execution: execution, units: units)
    }
}

/// What one task did.
enum TaskOutcome: Sendable {
    case ran(documentsIn: Int, kept: Int, rejected: Int, fileDrops: Int)
    case skipped
}

extension StepReport {
    mutating func add(_ outcome: TaskOutcome, rank: Int) {
        switch outcome {
        case .skipped:
            ranksSkipped.append(rank)
        case .ran(let documentsIn, let kept, let rejected, let fileDrops):
            ranksRun.append(rank)
            self.documentsIn += documentsIn
            self.kept += kept
            self.rejected += rejected
            self.fileDrops += fileDrops
        }
    }
}
