import PretextCore
import PretextDedupe
import PretextStore

/// Phase 1 of repeated-content dedupe with `counting: bloom`: each task inserts every unit
/// hash of its input shards into a counting Bloom filter of the configured shape, then writes
/// the filter split into counter ranges (one file per range, the range as its group). Units:
/// the input shards; memory: one filter (`m` bytes) per task.
struct RepeatedBloomPhase: ShardPhase {
    static let name = "bloom_counts"
    let settings: RepeatedContentSettings
    let shards: [ShardUnit]

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        // A task without shards adds nothing: it writes no counters.
        guard !units.isEmpty, let order = try inputOrder() else { return }
        var filter = CountingBloomFilter(shape: settings.bloomShape)
        var splitter = RepeatedUnitSplitter(settings: settings)
        try splitter.forEachUnit(of: units, in: shards, order: order, task: task) { filter.insert($0.hash) }
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
