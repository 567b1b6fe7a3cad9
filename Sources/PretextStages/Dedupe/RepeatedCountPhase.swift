import PretextCore
import PretextDedupe
import PretextStore

/// Phase 1 of exact repeated-content dedupe: each task counts the unit hashes of its input
/// shards with their first occurrence (`RepeatedCountTable`), spilling sorted runs split by
/// hash range whenever `memory_mb` is reached. Units: the input shards.
struct RepeatedCountPhase: StagePhase {
    static let name = "counts"
    var name: String { Self.name }
    let settings: RepeatedContentSettings
    let shards: [ShardUnit]

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        shards.enumerated().map { PhaseUnit(key: $1.path, bytes: $1.bytes, index: $0) }
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let table = RepeatedCountTable(
            directory: task.directory, rank: task.rank, ranges: settings.ranges(worldSize: task.worldSize),
            budgetBytes: settings.memoryBytes)
        guard let input = shards.first?.dataset else { return }
        let order = try InputOrder(dataset: input)
        var splitter = RepeatedUnitSplitter(settings: settings)
        for unit in units {
            let count = try splitter.forEachUnit(in: shards[unit.index], order: order) { try table.add($0) }
            task.progress.add(documents: Int64(count), bytes: unit.bytes)
        }
        for file in try table.finish() { task.register(file) }
    }
}
