import PretextCore
import _PretextFileSystem

/// Where every task (rank) of one step stands: the one place that decides whether a task is
/// done, read from the dataset's main catalog and, for ranks not merged yet, their part
/// catalogs.
///
/// A task is done when its run is `done` with the step's configuration hash and world size:
/// in the main catalog (merged) or in its own part catalog (finished, waiting for the merge).
/// The part writer skips done tasks, the merger copies finished ones and waits for the others,
/// and the runner skips a phased stage's phases once every task is done.
public struct StepStatus: Sendable {
    /// Where one task stands.
    public enum Task: Sendable, Equatable {
        /// Its rows are in the main catalog.
        case merged
        /// Its part catalog is done, not merged yet.
        case finished
        /// Not started, running, failed, or done with another configuration: it (re)runs.
        case pending
    }

    /// The dataset.
    public let dataset: Dataset
    /// The pipeline step.
    public let step: Int
    /// The stage of the step.
    public let stage: String
    /// The configuration hash a done task must have.
    public let configHash: String
    /// The number of tasks of the step.
    public let worldSize: Int
    /// The step's runs in the main catalog (every stage, status and configuration).
    public let mainRuns: [RunRow]

    /// Reads the main catalog's runs of `step`.
    ///
    /// - Throws: `PretextError` when the catalog cannot be read.
    public init(dataset: Dataset, step: Int, stage: String, configHash: String, worldSize: Int) throws {
        self.dataset = dataset
        self.step = step
        self.stage = stage
        self.configHash = configHash
        self.worldSize = worldSize
        mainRuns = try dataset.openCatalog(readOnly: true).runs(step: step)
    }

    /// Whether the main catalog holds runs of this step from another configuration or world
    /// size (`--overwrite` then deletes the dataset).
    public var isForeign: Bool {
        mainRuns.contains { $0.configHash != configHash || $0.worldSize != worldSize }
    }

    /// A run of this step and stage, done in the main catalog with another configuration or
    /// world size: the dataset holds another step's output and must not be mixed with this one.
    public var conflictingRun: RunRow? {
        mainRuns.first { $0.stage == stage && $0.status == .done && !matches($0) }
    }

    /// Where task `rank` stands. A part catalog that cannot be read counts as pending: the
    /// task is redone from scratch.
    public func task(_ rank: Int) -> Task {
        let merged = mainRuns.contains { $0.stage == stage && $0.rank == rank && $0.status == .done && matches($0) }
        if merged { return .merged }
        let path = partCatalogPath(rank: rank)
        guard FileSystem.exists(path),
            let run = try? Catalog(path: path).run(step: step, stage: stage, rank: rank, worldSize: worldSize),
            run.status == .done, run.configHash == configHash
        else { return .pending }
        return .finished
    }

    /// The ranks in `0..<worldSize` in state `state`.
    public func ranks(_ state: Task) -> [Int] {
        (0..<worldSize).filter { task($0) == state }
    }

    /// The ranks in `0..<worldSize` whose task is merged or finished.
    public var doneRanks: Set<Int> {
        Set((0..<worldSize).filter { task($0) != .pending })
    }

    /// The part catalog of `rank`.
    public func partCatalogPath(rank: Int) -> String {
        Self.partCatalogPath(dataset: dataset, step: step, stage: stage, rank: rank)
    }

    /// The part catalog of `rank` for `step`/`stage` in `dataset`.
    public static func partCatalogPath(dataset: Dataset, step: Int, stage: String, rank: Int) -> String {
        dataset.path(PartNaming(step: step, stage: stage, rank: rank).partCatalog)
    }

    private func matches(_ run: RunRow) -> Bool {
        run.configHash == configHash && run.worldSize == worldSize
    }
}
