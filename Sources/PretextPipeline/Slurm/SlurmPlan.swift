/// What `pretext slurm` wrote for a pipeline: the jobs in submission order, each with its
/// array chunks and dependency, and (after `--submit`) the job ids. Stored as
/// `OUTPUT/slurm/plan.json`; `pretext status` and the next `pretext slurm` read it.
public struct SlurmPlan: Sendable, Equatable, Codable {
    /// One step of the pipeline, as `pretext status` lists it.
    public struct Step: Sendable, Equatable, Codable {
        /// The 1-based step number.
        public var index: Int
        /// The stage name.
        public var stage: String
        /// The step's dataset folder under the output (`05-dedupe`).
        public var directory: String
        /// The phases the step runs before its final pass, in order.
        public var phases: [String]

        /// Creates a step.
        public init(index: Int, stage: String, directory: String, phases: [String]) {
            self.index = index
            self.stage = stage
            self.directory = directory
            self.phases = phases
        }
    }

    /// The version of this file's layout.
    public var version = 1
    /// The pipeline's name.
    public var name: String
    /// The pipeline file (absolute).
    public var pipeline: String
    /// The pipeline's output folder (absolute).
    public var output: String
    /// The directory the jobs run in (`--chdir`): where `pretext slurm` ran, since the
    /// pipeline's relative paths are relative to it.
    public var directory: String
    /// The `pretext` the jobs run (absolute).
    public var executable: String
    /// The number of tasks of every step (the world size).
    public var worldSize: Int
    /// The largest array index + 1 the cluster accepts (`MaxArraySize`).
    public var maxArraySize: Int
    /// Every step of the pipeline, done or not.
    public var steps: [Step]
    /// The jobs still to run, in submission order.
    public var jobs: [SlurmJob]
    /// When the jobs were submitted (UTC, ISO 8601), once they are.
    public var submitted: String?

    enum CodingKeys: String, CodingKey {
        case version, name, pipeline, output, directory, executable, steps, jobs, submitted
        case worldSize = "world_size"
        case maxArraySize = "max_array_size"
    }

    /// Creates a plan.
    public init(
        name: String, pipeline: String, output: String, directory: String, executable: String, worldSize: Int,
        maxArraySize: Int, steps: [Step], jobs: [SlurmJob]
    ) {
        self.name = name
        self.pipeline = pipeline
        self.output = output
        self.directory = directory
        self.executable = executable
        self.worldSize = worldSize
        self.maxArraySize = maxArraySize
        self.steps = steps
        self.jobs = jobs
    }

    /// The job called `name`.
    public func job(named name: String) -> SlurmJob? { jobs.first { $0.name == name } }

    /// Every job id of the plan (after submission).
    public var jobIDs: [String] { jobs.flatMap(\.jobIDs) }
}
