import PretextCore
import PretextStore

/// A stage that needs whole-corpus passes before its final pass (dedupe: signatures, buckets,
/// clusters, then the filter).
///
/// The runner runs each phase as tasks on every rank, writes one manifest per finished task
/// into the step's `WorkArea`, and starts the next phase only when every rank has finished
/// the previous one; in a multi-process run (`--rank/--world-size`) a process that finds
/// other ranks unfinished stops there, and a rerun picks up where it stopped. The final pass
/// is the stage's `run`, which reads the phases' files through `StageTask.work`.
public protocol PhasedStage: Stage {
    /// The phases that run before `run`, in order, for the planned `units`.
    func phases(units: [Unit]) throws -> [any StagePhase]

    /// The names of the phases `phases(units:)` returns for a non-empty input, known without
    /// planning any unit: what a job scheduler plans (one job per phase, `pretext slurm`) and
    /// what `pretext run --phase` accepts. An empty input may need fewer phases (the audit's
    /// history has nothing to read then).
    func phaseNames() -> [String]
}

/// One whole-corpus pass of a `PhasedStage`, split into units spread over the ranks.
public protocol StagePhase: Sendable {
    /// The phase name (a directory name in the work area).
    static var name: String { get }

    /// The units of work of this phase, in a deterministic order; earlier phases' files can
    /// be listed through `work`.
    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit]

    /// Runs this task's units, writing files through `task`.
    func run(_ units: [PhaseUnit], in task: PhaseTask) throws
}

/// A unit of work of a phase: an input shard, a partition of buckets.
public struct PhaseUnit: StageUnit, Hashable {
    /// A stable identity.
    public var key: String
    /// The size in bytes, to balance units over ranks.
    public var bytes: Int64
    /// The unit's number inside its phase (shard index, partition).
    public var index: Int

    /// Creates a unit.
    public init(key: String, bytes: Int64, index: Int) {
        self.key = key
        self.bytes = bytes
        self.index = index
    }
}

/// One rank of a running phase: where it writes and what it has written.
public final class PhaseTask {
    /// The phase name.
    public let phase: String
    /// This task's rank in `0..<worldSize`.
    public let rank: Int
    /// The number of tasks.
    public let worldSize: Int
    /// The step's work area.
    public let work: WorkArea
    /// The step's progress reporter.
    public let progress: Progress
    /// The files written so far, for the manifest.
    public private(set) var files: [WorkFileInfo] = []

    /// Creates a task.
    public init(phase: String, rank: Int, worldSize: Int, work: WorkArea, progress: Progress) {
        self.phase = phase
        self.rank = rank
        self.worldSize = worldSize
        self.work = work
        self.progress = progress
    }

    /// This phase's directory.
    public var directory: String { work.directory(of: phase) }

    /// Opens a new file `name` in this phase's directory.
    public func createFile<Record: FixedWidthRecord>(
        _ name: String, group: Int = -1, of type: Record.Type = Record.self
    ) throws -> WorkFileWriter<Record> {
        try WorkFileWriter<Record>(directory: directory, name: name, group: group, rank: rank)
    }

    /// Adds a finished file to the manifest.
    public func register(_ file: WorkFileInfo) { files.append(file) }

    /// The manifest of this task.
    public var manifest: PhaseManifest {
        PhaseManifest(phase: phase, rank: rank, worldSize: worldSize, files: files)
    }
}

extension StagePhase {
    /// The phase name, for callers holding the phase as an existential (the runner).
    public var name: String { Self.name }
}

extension PhasedStage {
    /// `phases(units:)` for callers holding the stage as an existential (the runner).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when `units` are not this stage's.
    public func phases(anyUnits units: [any StageUnit]) throws -> [any StagePhase] {
        guard let typed = units as? [Unit] else {
            throw PretextError(.invalidConfiguration, "\(Self.descriptor.name): units of another stage")
        }
        return try phases(units: typed)
    }
}

extension PhaseUnit {
    /// One unit per group `0..<count` of an earlier phase's files (partitions, hash or counter
    /// ranges), sized by the bytes of the files in the group and keyed `PREFIX` + group.
    public static func groups(of files: [WorkFileInfo], count: Int, keyPrefix: String) -> [PhaseUnit] {
        var bytes = [Int64](repeating: 0, count: count)
        for file in files where (0..<count).contains(file.group) { bytes[file.group] += Int64(file.bytes) }
        return (0..<count).map { PhaseUnit(key: keyPrefix + String($0), bytes: bytes[$0], index: $0) }
    }
}
