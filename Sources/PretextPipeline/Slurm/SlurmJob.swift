/// One job of a Slurm plan: a job array running one step (or one phase of a step) on its
/// ranks, the merge of a step, or the training.
public struct SlurmJob: Sendable, Equatable, Codable {
    /// What the job runs.
    public enum Kind: String, Sendable, Codable {
        /// `pretext run --step K [--phase NAME] --no-merge` as a job array, one task per rank.
        case tasks
        /// `pretext merge --step K`: one job.
        case merge
        /// `pretext run --step train`: one job.
        case train
    }

    /// The job's name in the plan, its script and its logs: `05-dedupe.signatures`,
    /// `05-dedupe`, `05-dedupe.merge`, `train`.
    public var name: String
    /// What it runs.
    public var kind: Kind
    /// The pipeline step (1-based); `nil` for the training.
    public var step: Int?
    /// The stage of the step.
    public var stage: String?
    /// The phase, for a phase job of a phased stage.
    public var phase: String?
    /// The ranks its tasks run (`0-3`), for a task job.
    public var ranks: String?
    /// Its submissions: the arrays of a task job (more than one when the ranks exceed the
    /// cluster's MaxArraySize), or the one plain job.
    public var chunks: [SlurmChunk]
    /// The job it depends on (`afterok` on every one of that job's chunks), if any.
    public var after: String?
    /// The most tasks of one array running at once (`--array=…%K`), if limited.
    public var maxParallel: Int?

    /// Creates a job.
    public init(
        name: String, kind: Kind, step: Int?, stage: String?, phase: String? = nil, ranks: String? = nil,
        chunks: [SlurmChunk], after: String? = nil, maxParallel: Int? = nil
    ) {
        self.name = name
        self.kind = kind
        self.step = step
        self.stage = stage
        self.phase = phase
        self.ranks = ranks
        self.chunks = chunks
        self.after = after
        self.maxParallel = maxParallel
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, step, stage, phase, ranks, chunks, after
        case maxParallel = "max_parallel"
    }

    /// The ranks its tasks run (empty for a merge or training job).
    public var rankList: [Int] { ranks.flatMap(SlurmIndexList.values) ?? [] }

    /// The job ids of its submissions, once submitted.
    public var jobIDs: [String] { chunks.compactMap(\.jobID) }

    /// The chunk that runs `rank`, with the rank's array index in it.
    public func chunk(of rank: Int) -> (chunk: SlurmChunk, index: Int)? {
        for chunk in chunks where chunk.ranks.contains(rank) { return (chunk, rank - chunk.offset) }
        return nil
    }
}
