import PretextCore
import PretextDedupe
import PretextStore

/// Phase 1 of repeated-content dedupe with `counting: bloom`: each task inserts every unit
/// hash of its input shards into a counting Bloom filter of the configured shape, then writes
/// the filter split into counter ranges (one file per range, the range as its group). Units:
/// the input shards; memory: one filter (`m` bytes) per task.
struct RepeatedBloomPhase: StagePhase {
    static let name = "bloom_counts"
    var name: String { Self.name }
    let settings: RepeatedContentSettings
    let shards: [ShardUnit]

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        shards.enumerated().map { PhaseUnit(key: $1.path, bytes: $1.bytes, index: $0) }
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        // A task without shards adds nothing: it writes no counters.
        guard !units.isEmpty, let input = shards.first?.dataset else { return }
        let order = try InputOrder(dataset: input)
        var filter = CountingBloomFilter(shape: settings.bloomShape)
        var splitter = RepeatedUnitSplitter(settings: settings)
        for unit in units {
            let count = try splitter.forEachUnit(in: shards[unit.index], order: order) { filter.insert($0.hash) }
            task.progress.add(documents: Int64(count), bytes: unit.bytes)
        }
        let ranges = settings.ranges(worldSize: task.worldSize)
        for part in 0..<ranges {
            let writer = try task.createFile(
                "bloom-r\(task.rank)-c\(part).bin", group: part, of: RepeatedCounterBlock.self)
            for block in filter.shape.blockRange(part: part, of: ranges) {
                try writer.append(RepeatedCounterBlock(filter: filter, block: block))
            }
            task.register(try writer.finish())
        }
    }
}
