import PretextCore
import PretextStore

/// Repeated lines, paragraphs and C4-style sentence spans across the corpus: count every
/// unit over the whole corpus, then remove the units counted more than `max_repeats` times
/// from every document (keeping their first occurrence with `keep_first`).
///
/// Exact counting runs `counts` (per input shard) → `totals` (per hash range); Bloom counting
/// runs `bloom_counts` (per input shard) → `bloom_totals` (per counter range). The final pass
/// (`RepeatedContentFilter`) rewrites the documents. `docs/stages/dedupe.md`, "Repeated
/// lines, paragraphs and spans".
struct RepeatedContentDedupe: DedupeMethod {
    let settings: RepeatedContentSettings
    private let cache = RepeatedUnitSetCache()

    init(settings: RepeatedContentSettings) { self.settings = settings }

    func phases(units: [ShardUnit]) -> [any StagePhase] {
        switch settings.counting {
        case .exact:
            [RepeatedCountPhase(settings: settings, shards: units), RepeatedTotalsPhase(settings: settings)]
        case .bloom:
            [RepeatedBloomPhase(settings: settings, shards: units), RepeatedBloomMergePhase(settings: settings)]
        }
    }

    func phaseNames() -> [String] {
        switch settings.counting {
        case .exact: [RepeatedCountPhase.name, RepeatedTotalsPhase.name]
        case .bloom: [RepeatedBloomPhase.name, RepeatedBloomMergePhase.name]
        }
    }

    func run(_ units: [ShardUnit], in task: StageTask) throws {
        guard !units.isEmpty else { return }
        let set = try cache.set(work: try task.requiredWork, worldSize: task.worldSize, settings: settings)
        let worker = RepeatedContentFilter(settings: settings, set: set)
        var driver = DocumentStageDriver(stage: task.stage, worker: worker, task: task)
        for unit in units { try driver.process(unit) }
    }
}
