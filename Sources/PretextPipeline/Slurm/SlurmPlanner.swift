import PretextCore
import PretextStages
import _PretextFileSystem

/// Plans a pipeline's Slurm jobs (`pretext slurm`): per step, one job array per phase, one for
/// the final pass and one merge job, then the training; each job depends on every array of
/// the job before it.
///
/// The plan starts where the datasets stand: complete steps get no job, the first incomplete
/// step gets array tasks only for the ranks not done (per phase), later steps get every rank.
public struct SlurmPlanner: Sendable {
    /// What a plan needs besides the pipeline.
    public struct Options: Sendable {
        /// The settings given on the command line (the highest level).
        public var flags: SlurmSettings
        /// The cluster's `MaxArraySize`: array indices stay below it.
        public var maxArraySize: Int
        /// The `pretext` executable the jobs run (absolute).
        public var executable: String
        /// The directory the jobs run in (absolute): where the pipeline's relative paths start.
        public var directory: String

        /// Creates options.
        public init(flags: SlurmSettings = SlurmSettings(), maxArraySize: Int, executable: String, directory: String) {
            self.flags = flags
            self.maxArraySize = maxArraySize
            self.executable = executable
            self.directory = directory
        }
    }

    /// Slurm's default `MaxArraySize`, assumed when the cluster cannot be asked.
    public static let defaultMaxArraySize = 1001

    private let registry: StageRegistry

    /// Creates a planner over the stages of `registry`.
    public init(registry: StageRegistry = .standard) { self.registry = registry }

    /// The number of tasks of every step: `tasks` from the flags, then from
    /// `execution.slurm`, then `execution.workers`.
    public static func worldSize(of pipeline: PipelineFile, flags: SlurmSettings) -> Int {
        flags[SlurmSettings.tasks] ?? pipeline.slurm.settings[SlurmSettings.tasks]
            ?? pipeline.execution[ExecutionSettings.workers]
    }

    /// The plan of `pipeline` from where its datasets stand.
    ///
    /// - Throws: `PretextError` for a pipeline whose steps cannot run, a dataset of another
    ///   configuration, or unreadable catalogs.
    public func plan(_ pipeline: PipelineFile, options: Options) throws -> SlurmPlan {
        let steps = try StepLayout.steps(of: pipeline, registry: registry)
        let worldSize = Self.worldSize(of: pipeline, flags: options.flags)
        let progress = try StepProgress.read(steps, execution: pipeline.execution, worldSize: worldSize)
        return try plan(pipeline, steps: steps, progress: progress, options: options)
    }

    /// The plan of `pipeline` given how far each step has got (`progress[i]` for step `i + 1`).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when `progress` does not have one entry
    ///   per step, or the array size is below 1.
    public func plan(_ pipeline: PipelineFile, progress: [StepProgress], options: Options) throws -> SlurmPlan {
        try plan(
            pipeline, steps: try StepLayout.steps(of: pipeline, registry: registry), progress: progress,
            options: options)
    }

    private func plan(
        _ pipeline: PipelineFile, steps: [StepLayout], progress: [StepProgress], options: Options
    ) throws -> SlurmPlan {
        guard progress.count == steps.count else {
            throw PretextError(
                .invalidConfiguration, "progress of \(progress.count) steps for a pipeline of \(steps.count)")
        }
        guard options.maxArraySize >= 1 else {
            throw PretextError(.invalidConfiguration, "MaxArraySize must be at least 1 (got \(options.maxArraySize))")
        }
        let worldSize = Self.worldSize(of: pipeline, flags: options.flags)
        var jobs = Self.jobs(
            steps: steps, progress: progress, worldSize: worldSize, maxArraySize: options.maxArraySize,
            training: pipeline.training != nil)
        for index in jobs.indices where jobs[index].kind == .tasks {
            let step = pipeline.steps.first { $0.index == jobs[index].step }
            jobs[index].maxParallel =
                pipeline.slurm.settings(for: step, flags: options.flags)[SlurmSettings.maxParallel]
        }
        return SlurmPlan(
            name: pipeline.name,
            pipeline: FileSystem.canonicalPath(pipeline.path) ?? Self.absolute(pipeline.path, in: options.directory),
            output: Self.absolute(pipeline.output, in: options.directory), directory: options.directory,
            executable: options.executable, worldSize: worldSize, maxArraySize: options.maxArraySize,
            steps: steps.map {
                SlurmPlan.Step(
                    index: $0.step.index, stage: $0.step.stage, directory: $0.step.directoryName, phases: $0.phases)
            },
            jobs: jobs)
    }

    /// The jobs still to run, in order, each depending on the one before.
    static func jobs(
        steps: [StepLayout], progress: [StepProgress], worldSize: Int, maxArraySize: Int, training: Bool
    ) -> [SlurmJob] {
        var jobs: [SlurmJob] = []
        for (planned, progress) in zip(steps, progress) where !progress.merged {
            let step = planned.step
            for phase in planned.phases + [nil] {
                let ranks = progress.pendingRanks(phase: phase, worldSize: worldSize)
                guard !ranks.isEmpty else { continue }
                jobs.append(
                    SlurmJob(
                        name: step.directoryName + (phase.map { "." + $0 } ?? ""), kind: .tasks, step: step.index,
                        stage: step.stage, phase: phase, ranks: SlurmIndexList.text(ranks),
                        chunks: SlurmChunk.split(ranks: ranks, maxArraySize: maxArraySize)))
            }
            jobs.append(
                SlurmJob(
                    name: step.directoryName + ".merge", kind: .merge, step: step.index, stage: step.stage,
                    chunks: [SlurmChunk()]))
        }
        if training {
            jobs.append(SlurmJob(name: "train", kind: .train, step: nil, stage: nil, chunks: [SlurmChunk()]))
        }
        for index in jobs.indices.dropFirst() { jobs[index].after = jobs[index - 1].name }
        return jobs
    }

    /// `path` made absolute against `directory`.
    static func absolute(_ path: String, in directory: String) -> String {
        if path.hasPrefix("/") { return path }
        var relative = Substring(path)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        return relative.isEmpty || relative == "." ? directory : FileSystem.join(directory, String(relative))
    }
}
