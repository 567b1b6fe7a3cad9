import PretextCore
import PretextStore

/// Exact and MinHash dedupe: signatures → buckets → clusters, then the filter pass.
struct DocumentDedupe: DedupeMethod {
    let settings: DocumentDedupeSettings
    private let cache = ClusterMapCache()

    init(settings: DocumentDedupeSettings) { self.settings = settings }

    func phases(units: [ShardUnit]) -> [any StagePhase] {
        [SignaturePhase(settings: settings, shards: units), BucketPhase(settings: settings), ClusterPhase()]
    }

    func phaseNames() -> [String] { [SignaturePhase.name, BucketPhase.name, ClusterPhase.name] }

    func run(_ units: [ShardUnit], in task: StageTask) throws {
        guard let input = units.first?.dataset else { return }
        let map = try cache.map(work: try task.requiredWork, worldSize: task.worldSize)
        let worker = try DuplicateFilter(map: map, reason: settings.reason, input: input)
        var driver = DocumentStageDriver(stage: task.stage, worker: worker, task: task)
        for unit in units { try driver.process(unit) }
    }
}
