import PretextCore

/// How one invocation runs a pipeline: which tasks, how many at once, how it reports.
public struct RunSettings: Sendable {
    /// Run this many tasks as threads of this process (overrides `execution.workers`).
    public var workers: Int?
    /// Run only this rank (with `worldSize`): one task of a multi-process or multi-machine run.
    public var rank: Int?
    /// The number of tasks in a multi-process run.
    public var worldSize: Int?
    /// Delete a step's existing dataset first when it was written with another configuration.
    public var overwrite: Bool
    /// Where progress goes (`nil`: a terminal status line or log lines, as fits standard error).
    public var progressStyle: Progress.Style?
    /// Run only this step of the pipeline (1-based, as in `NN-stage`; `--step`), once the steps
    /// before it are complete; `nil`: every step.
    public var step: Int?
    /// Run only this phase of the step's phased stage (`--phase`, with `step`), once every rank
    /// has finished the phases before it; `nil`: the phases, then the final pass.
    public var phase: String?
    /// Merge the step's parts once every task is done; `false` (`--no-merge`): the tasks write
    /// their parts and stop, and `PipelineRunner.merge` (`pretext merge`) completes the step.
    public var merges: Bool

    /// Creates settings; the defaults run every task locally with the pipeline's workers.
    public init(
        workers: Int? = nil, rank: Int? = nil, worldSize: Int? = nil, overwrite: Bool = false,
        progressStyle: Progress.Style? = nil, step: Int? = nil, phase: String? = nil, merges: Bool = true
    ) {
        self.workers = workers
        self.rank = rank
        self.worldSize = worldSize
        self.overwrite = overwrite
        self.progressStyle = progressStyle
        self.step = step
        self.phase = phase
        self.merges = merges
    }

    /// The world size and the ranks this process runs.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when only one of rank and world size is
    ///   given, or the rank is out of range.
    func tasks(configuredWorkers: Int) throws -> (worldSize: Int, ranks: [Int]) {
        switch (rank, worldSize) {
        case (nil, nil):
            let count = workers ?? configuredWorkers
            return (count, Array(0..<count))
        case (let rank?, let worldSize?):
            guard worldSize >= 1, (0..<worldSize).contains(rank) else {
                throw PretextError(
                    .invalidConfiguration, "--rank must be in 0..<--world-size (got rank \(rank) of \(worldSize))")
            }
            return (worldSize, [rank])
        default:
            throw PretextError(.invalidConfiguration, "--rank and --world-size go together")
        }
    }
}
