/// Works out where each step, job and task of a run stands for `PipelineStatus`: done from
/// the catalogs (`StepProgress.fromCatalogs`), running or pending from Slurm's queue, and
/// otherwise from the state files the batch scripts wrote (`TaskStateFiles`).
struct JobStatusReader {
    /// The latest plan, if any.
    let plan: SlurmPlan?
    /// Where the plan's scripts, logs and state files are.
    let directory: SlurmDirectory
    /// Slurm's queue for the plan's jobs, when it could be read.
    let queue: SlurmQueue?

    /// The status of `step`, whose dataset is `folder`.
    func step(_ step: SlurmPlan.Step, folder: String) -> PipelineStatus.Step {
        let worldSize =
            plan?.worldSize ?? StepProgress.recordedWorldSize(directory: folder, step: step.index, stage: step.stage)
        let phases =
            plan != nil
            ? step.phases : worldSize.map { StepProgress.recordedPhases(directory: folder, worldSize: $0) } ?? []
        let progress =
            worldSize.map {
                StepProgress.fromCatalogs(
                    directory: folder, step: step.index, stage: step.stage, worldSize: $0, phases: phases)
            } ?? .untouched
        let all = worldSize ?? 0
        return PipelineStatus.Step(
            index: step.index, stage: step.stage, directory: step.directory, merged: progress.merged,
            worldSize: worldSize, done: progress.merged ? all : progress.doneRanks.count,
            phases: phases.map {
                PipelineStatus.Phase(name: $0, done: progress.merged ? all : progress.phaseRanks[$0]?.count ?? 0)
            },
            jobs: (plan?.jobs ?? []).filter { $0.step == step.index }.map { job($0, progress: progress) })
    }

    /// The status of every task of `job`, given its step's progress.
    func job(_ job: SlurmJob, progress: StepProgress) -> PipelineStatus.Job {
        let ranks: [Int?] = job.kind == .tasks ? job.rankList : [nil]
        return PipelineStatus.Job(
            name: job.name, kind: job.kind, phase: job.phase, jobIDs: job.jobIDs,
            tasks: ranks.map { task(job, rank: $0, progress: progress) })
    }

    private func task(_ job: SlurmJob, rank: Int?, progress: StepProgress) -> PipelineStatus.Task {
        let files = TaskStateFiles(directory: directory, job: job.name, rank: rank)
        let place: (chunk: SlurmChunk, index: Int?)? =
            if let rank { job.chunk(of: rank).map { ($0.chunk, $0.index) } } else { job.chunks.first.map { ($0, nil) } }
        let jobID = place?.chunk.jobID
        let index = place?.index
        let entry = jobID.flatMap { queue?.entry(jobID: $0, index: index) }
        let log = files.start?["log"] ?? jobID.map { directory.log(job.name, jobID: $0, index: index) }
        func task(_ state: PipelineStatus.TaskState, _ detail: String?) -> PipelineStatus.Task {
            PipelineStatus.Task(rank: rank, state: state, detail: detail, log: state == .notRun ? nil : log)
        }
        let slurm = entry.map {
            "Slurm: \($0.state)" + ($0.reason.isEmpty || $0.reason == "None" ? "" : " (\($0.reason))")
        }
        if isDone(job, rank: rank, progress: progress, files: files) { return task(.done, nil) }
        if let entry, entry.isActive { return task(entry.isRunning ? .running : .pending, slurm) }
        if let exit = files.exit {
            return task(
                .failed, [Self.describe(exit: exit, files: files), slurm].compactMap { $0 }.joined(separator: "; "))
        }
        if files.start != nil {
            guard queue != nil || jobID == nil else { return task(.unknown, "started; Slurm cannot be asked") }
            return task(
                .failed, ["ended without recording an exit status", slurm].compactMap { $0 }.joined(separator: "; "))
        }
        guard jobID != nil else { return task(.notRun, "not submitted") }
        guard queue != nil else { return task(.unknown, "Slurm cannot be asked") }
        return task(.notRun, slurm ?? "not started, no longer in Slurm's queue")
    }

    private func isDone(_ job: SlurmJob, rank: Int?, progress: StepProgress, files: TaskStateFiles) -> Bool {
        switch job.kind {
        case .train:
            return files.exitedSuccessfully
        case .merge:
            return progress.merged
        case .tasks:
            guard let rank else { return false }
            if progress.merged || progress.doneRanks.contains(rank) { return true }
            guard let phase = job.phase else { return false }
            // A phase task that exited 0 without a manifest had nothing to do (the audit's
            // history on an empty input).
            return progress.doneRanks.count >= (plan?.worldSize ?? Int.max)
                || progress.phaseRanks[phase]?.contains(rank) == true || files.exitedSuccessfully
        }
    }

    private static func describe(exit: String, files: TaskStateFiles) -> String {
        switch exit {
        case "cancelled": return "cancelled (TERM: scancel or the time limit)"
        case "requeued": return "requeued, and no longer in Slurm's queue"
        default:
            return files.exitedSuccessfully
                ? "exit status \(exit), but its work is not recorded done" : "exit status \(exit)"
        }
    }
}
