import PretextCore
import PretextDedupe
import PretextStore
import Synchronization

/// What the filter pass of repeated-content dedupe asks: is this occurrence of a unit removed?
///
/// Exact counting loads the totals phase's files: only the units counted more than
/// `max_repeats` times, with their first occurrence (40 bytes each). Bloom counting
/// loads the merged counting Bloom filter (`m` bytes) and removes a unit whose estimated count
/// is above `max_repeats`; the estimate can only be too high, so a false positive removes a
/// unit that is not repeated, never the reverse. Built once per process and shared by its
/// ranks (`RepeatedUnitSetCache`).
struct RepeatedUnitSet: Sendable {
    private enum Counts: Sendable {
        case exact([UInt64: RepeatedUnitCount])
        case bloom(CountingBloomFilter)
    }

    private let counts: Counts
    private let maxRepeats: Int
    private let keepFirst: Bool

    /// Loads the last phase's files of `settings.counting`.
    ///
    /// - Throws: `PretextError(.corrupt)` for a missing, incomplete or damaged file.
    init(work: WorkArea, worldSize: Int, settings: RepeatedContentSettings) throws {
        maxRepeats = settings.maxRepeats
        keepFirst = settings.keepFirst
        switch settings.counting {
        case .exact: counts = .exact(try Self.loadTotals(work: work, worldSize: worldSize))
        case .bloom: counts = .bloom(try Self.loadFilter(work: work, worldSize: worldSize, shape: settings.bloomShape))
        }
    }

    /// Whether the occurrence of `hash` at `position` of `document` is removed: the unit is
    /// repeated, and (with `keep_first`) this is not its first occurrence.
    func removes(_ hash: UInt64, document: UInt64, position: Int) -> Bool {
        switch counts {
        case .exact(let repeated):
            guard let first = repeated[hash] else { return false }
            return !keepFirst || !first.isFirst(document: document, position: UInt64(position))
        case .bloom(let filter):
            return filter.count(of: hash) > maxRepeats
        }
    }

    private static func loadTotals(work: WorkArea, worldSize: Int) throws -> [UInt64: RepeatedUnitCount] {
        let files = try work.files(phase: RepeatedTotalsPhase.name, worldSize: worldSize)
        var repeated: [UInt64: RepeatedUnitCount] = [:]
        repeated.reserveCapacity(files.reduce(0) { $0 + $1.records })
        try work.forEachRecord(in: files, phase: RepeatedTotalsPhase.name, as: RepeatedUnitCount.self) {
            repeated[$0.hash] = $0
        }
        return repeated
    }

    private static func loadFilter(
        work: WorkArea, worldSize: Int, shape: CountingBloomFilter.Shape
    ) throws -> CountingBloomFilter {
        let files = try work.files(phase: RepeatedBloomMergePhase.name, worldSize: worldSize).sorted {
            $0.group < $1.group
        }
        var counters: [UInt8] = []
        counters.reserveCapacity(shape.counters)
        try work.forEachRecord(in: files, phase: RepeatedBloomMergePhase.name, as: RepeatedCounterBlock.self) {
            block in withUnsafeBytes(of: block.counters) { counters.append(contentsOf: $0) }
        }
        guard let filter = CountingBloomFilter(shape: shape, counters: counters) else {
            throw PretextError(
                .corrupt,
                "the merged Bloom filter holds \(counters.count) counters where its shape has \(shape.counters); "
                    + "rerun the step with --overwrite",
                path: work.directory(of: RepeatedBloomMergePhase.name))
        }
        return filter
    }
}

/// Builds each work area's `RepeatedUnitSet` once per process, for all ranks running in it.
final class RepeatedUnitSetCache: Sendable {
    private let sets = Mutex<[String: RepeatedUnitSet]>([:])
    private let building = Mutex<Void>(())

    /// The set of `work`, built on first use.
    func set(work: WorkArea, worldSize: Int, settings: RepeatedContentSettings) throws -> RepeatedUnitSet {
        try building.withLock { _ in
            if let set = sets.withLock({ $0[work.root] }) { return set }
            let set = try RepeatedUnitSet(work: work, worldSize: worldSize, settings: settings)
            sets.withLock { $0[work.root] = set }
            return set
        }
    }
}
