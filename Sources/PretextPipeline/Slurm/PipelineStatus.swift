import PretextCore
import _PretextFileSystem

/// Where a pipeline's run stands (`pretext status RUN_DIR`): per step, whether it is merged,
/// how many tasks (and phase tasks) are done; per Slurm job of the latest submission, each
/// task's state — done from the catalogs, running or pending from Slurm's queue, failed from
/// the state files the batch scripts write — with the log of each failed task.
///
/// Without `OUTPUT/slurm/plan.json` (a local run) only the catalogs' view is shown.
public struct PipelineStatus: Sendable, Equatable, Codable {
    /// Where one task stands.
    public enum TaskState: String, Sendable, Codable, CaseIterable {
        /// Its work is recorded done (catalog run, phase manifest, merged step).
        case done
        /// Slurm runs it.
        case running
        /// Slurm holds it in the queue (waiting for resources or for the job before it).
        case pending
        /// It ran and did not finish its work: a non-zero exit, cancelled, killed.
        case failed
        /// It never started: not submitted, or cancelled because an earlier job failed.
        case notRun = "not_run"
        /// Not done, and Slurm cannot be asked.
        case unknown
    }

    /// One task of a job: an array task (`rank`), or a plain job (`rank` nil).
    public struct Task: Sendable, Equatable, Codable {
        /// The rank, for an array task.
        public var rank: Int?
        /// Where it stands.
        public var state: TaskState
        /// Why: the exit status, Slurm's state and reason.
        public var detail: String?
        /// Its log file, when it has one.
        public var log: String?
    }

    /// One job of the latest submission.
    public struct Job: Sendable, Equatable, Codable {
        /// Its name (`05-dedupe.signatures`).
        public var name: String
        /// What it runs.
        public var kind: SlurmJob.Kind
        /// The phase, for a phase job.
        public var phase: String?
        /// Its Slurm job ids.
        public var jobIDs: [String]
        /// Its tasks.
        public var tasks: [Task]

        enum CodingKeys: String, CodingKey {
            case name, kind, phase, tasks
            case jobIDs = "job_ids"
        }

        /// How many tasks are in `state`.
        public func count(_ state: TaskState) -> Int { tasks.filter { $0.state == state }.count }
    }

    /// One phase of a step, as the work area records it.
    public struct Phase: Sendable, Equatable, Codable {
        /// The phase name.
        public var name: String
        /// The ranks that finished it.
        public var done: Int
    }

    /// One step of the pipeline.
    public struct Step: Sendable, Equatable, Codable {
        /// The step number.
        public var index: Int
        /// The stage.
        public var stage: String
        /// The dataset folder under the output (`05-dedupe`).
        public var directory: String
        /// Whether every rank is merged into its catalog (the step is complete).
        public var merged: Bool
        /// The number of tasks, when known.
        public var worldSize: Int?
        /// The ranks whose final pass is done.
        public var done: Int
        /// The phases before the final pass.
        public var phases: [Phase]
        /// The jobs of the latest submission that run this step.
        public var jobs: [Job]

        enum CodingKeys: String, CodingKey {
            case index, stage, directory, merged, done, phases, jobs
            case worldSize = "world_size"
        }
    }

    /// The output folder.
    public var output: String
    /// Whether a Slurm plan was found.
    public var hasPlan: Bool
    /// When the plan was submitted, if it was.
    public var submitted: String?
    /// Whether Slurm's queue was read.
    public var queueRead: Bool
    /// The steps, in order.
    public var steps: [Step]
    /// The training job of the latest submission, if any.
    public var training: Job?

    enum CodingKeys: String, CodingKey {
        case output, submitted, steps, training
        case hasPlan = "has_plan"
        case queueRead = "queue_read"
    }

    /// Every failed task, with its job name.
    public var failedTasks: [(job: String, task: Task)] {
        let jobs = steps.flatMap(\.jobs) + (training.map { [$0] } ?? [])
        return jobs.flatMap { job in job.tasks.filter { $0.state == .failed }.map { (job.name, $0) } }
    }
}

extension PipelineStatus {
    /// Reads where the run in `output` stands.
    ///
    /// - Parameters:
    ///   - output: the pipeline's output folder.
    ///   - askSlurm: Slurm's queue for the plan's job ids (`SlurmClient.queue(jobIDs:)`), or
    ///     `nil` when Slurm cannot be asked.
    /// - Throws: `PretextError(.corrupt)` for a damaged `plan.json`.
    public static func read(output: String, askSlurm: ([String]) -> SlurmQueue?) throws -> PipelineStatus {
        let directory = SlurmDirectory(output: output)
        let plan = try SlurmPlan.read(from: directory.planPath)
        let ids = plan?.jobIDs ?? []
        let queue = ids.isEmpty ? nil : askSlurm(ids)
        let reader = JobStatusReader(plan: plan, directory: directory, queue: queue)
        var steps: [Step] = []
        let planned = try plan?.steps ?? discoveredSteps(output)
        for step in planned {
            steps.append(reader.step(step, folder: FileSystem.join(output, step.directory)))
        }
        let training = plan?.jobs.first { $0.kind == .train }.map { reader.job($0, progress: .untouched) }
        return PipelineStatus(
            output: output, hasPlan: plan != nil, submitted: plan?.submitted, queueRead: queue != nil, steps: steps,
            training: training)
    }

    /// The step folders of `output` (`NN-stage`), for a run without a plan.
    static func discoveredSteps(_ output: String) throws -> [SlurmPlan.Step] {
        guard FileSystem.isDirectory(output) else {
            throw PretextError(.notFound, "no pipeline output here: the folder does not exist", path: output)
        }
        var steps: [SlurmPlan.Step] = []
        for name in try FileSystem.listDirectory(output) where FileSystem.isDirectory(FileSystem.join(output, name)) {
            let parts = name.split(separator: "-", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0].count >= 2, let index = Int(parts[0]), !parts[1].isEmpty else { continue }
            steps.append(SlurmPlan.Step(index: index, stage: parts[1], directory: name, phases: []))
        }
        return steps.sorted { $0.index < $1.index }
    }
}
