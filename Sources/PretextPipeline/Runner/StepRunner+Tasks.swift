import Dispatch
import PretextCore
import PretextStages
import PretextStore
import Synchronization

extension StepRunner {
    /// Runs this process's tasks of the step (threads), each writing its own part, and adds
    /// what they did to `report`.
    func runTasks(_ plan: Plan, dataset: Dataset, work: WorkArea?, into report: inout StepReport) throws {
        let progress = Progress(
            label: "step \(step) \(S.descriptor.name)", totalBytes: plan.units.reduce(0) { $0 + $1.bytes },
            style: settings.progressStyle)
        let outcomes = try runTasks(plan, dataset: dataset, progress: progress, work: work)
        progress.finish()
        for (rank, outcome) in outcomes.sorted(by: { $0.key < $1.key }) {
            report.add(outcome, rank: rank)
        }
    }

    private func runTasks(
        _ plan: Plan, dataset: Dataset, progress: Progress, work: WorkArea?
    ) throws -> [Int: TaskOutcome] {
        let results = Mutex<[Int: Result<TaskOutcome, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: plan.ranks.count) { index in
            let rank = plan.ranks[index]
            let result = Result {
                try runTask(
                    rank: rank, units: plan.assignment[rank], worldSize: plan.worldSize, dataset: dataset,
                    hash: plan.hash, progress: progress, work: work)
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
            task.flushProgress()
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
