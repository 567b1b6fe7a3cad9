import _PretextFileSystem

/// The layout of `OUTPUT/slurm/`, where `pretext slurm` writes a pipeline's batch scripts and
/// its plan, and where the jobs leave their logs and state files:
///
/// ```
/// OUTPUT/slurm/plan.json                         the jobs, their chunks and job ids
/// OUTPUT/slurm/05-dedupe.signatures.sh           one batch script per job
/// OUTPUT/slurm/logs/05-dedupe.signatures_%A_%a.out   one log per array task (%j for plain jobs)
/// OUTPUT/slurm/state/05-dedupe.signatures/rank-00003.start   host, time, job id of a task's start
/// OUTPUT/slurm/state/05-dedupe.signatures/rank-00003.exit    its exit status, or `cancelled`
/// ```
public struct SlurmDirectory: Sendable, Equatable {
    /// `OUTPUT/slurm`.
    public let root: String

    /// The folder of the pipeline output `output`.
    public init(output: String) { root = FileSystem.join(output, "slurm") }

    /// `plan.json`.
    public var planPath: String { FileSystem.join(root, "plan.json") }
    /// The folder of the jobs' logs.
    public var logs: String { FileSystem.join(root, "logs") }
    /// The folder of the tasks' state files.
    public var state: String { FileSystem.join(root, "state") }

    /// The batch script of `job`.
    public func script(_ job: String) -> String { FileSystem.join(root, job + ".sh") }

    /// The state folder of `job`.
    public func state(of job: String) -> String { FileSystem.join(state, job) }

    /// The `--output` pattern of `job`: per array task (`%A_%a`) or per job (`%j`).
    public func logPattern(_ job: String, isArray: Bool) -> String {
        FileSystem.join(logs, job + (isArray ? "_%A_%a.out" : "_%j.out"))
    }

    /// The log of one array task, or of a plain job (`index` nil).
    public func log(_ job: String, jobID: String, index: Int?) -> String {
        FileSystem.join(logs, job + "_" + jobID + (index.map { "_\($0)" } ?? "") + ".out")
    }

    /// The base name of a task's state files: `rank-00003`, or `job` for a plain job.
    public static func stateName(rank: Int?) -> String {
        guard let rank else { return "job" }
        let digits = String(rank)
        return "rank-" + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
    }

    /// The `.start` file of a task (`rank` nil: a plain job).
    public func startFile(_ job: String, rank: Int?) -> String {
        FileSystem.join(state(of: job), Self.stateName(rank: rank) + ".start")
    }

    /// The `.exit` file of a task (`rank` nil: a plain job).
    public func exitFile(_ job: String, rank: Int?) -> String {
        FileSystem.join(state(of: job), Self.stateName(rank: rank) + ".exit")
    }

    /// Creates the folder with its `logs/` and `state/`.
    public func create() throws {
        for folder in [root, logs, state] { try FileSystem.createDirectory(folder) }
    }
}
