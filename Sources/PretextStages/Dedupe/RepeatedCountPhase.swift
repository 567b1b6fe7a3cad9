import PretextCore
import PretextDedupe
import PretextStore

/// Phase 1 of exact repeated-content dedupe: each task counts the unit hashes of its input
/// shards with their first occurrence (`RepeatedCountTable`), spilling sorted runs split by
/// hash range whenever `memory_mb` is reached. Units: the input shards.
struct RepeatedCountPhase: ShardPhase {
    static let name = "counts"
    let settings: RepeatedContentSettings
    let shards: [ShardUnit]

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let table = RepeatedCountTable(
            directory: task.directory, rank: task.rank, ranges: settings.ranges(worldSize: task.worldSize),
            budgetBytes: settings.memoryBytes)
        guard let order = try inputOrder() else { return }
        var splitter = RepeatedUnitSplitter(settings: settings)
        try splitter.forEachUnit(of: units, in: shards, order: order, task: task) { try table.add($0) }
        for file in try table.finish() { task.register(file) }
    }
}
