import PretextCore
import PretextDedupe
import PretextStore

/// Phase 2: for each partition (band × hash range), merges every rank's sorted runs and
/// links the documents of each bucket (equal key): each to the bucket's best document, and,
/// when candidates are verified later, every pair among the bucket's first 16 documents and
/// each later one to the one before it, so that one failed check does not split a bucket.
/// Units: the partitions; memory: one read buffer per run and at most 16 entries.
struct BucketPhase: StagePhase {
    static let name = "buckets"
    var name: String { Self.name }
    let settings: DocumentDedupeSettings

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        let files = try work.files(phase: SignaturePhase.name, worldSize: worldSize)
        let partitions = settings.bands * settings.ranges(worldSize: worldSize)
        var bytes = [Int64](repeating: 0, count: partitions)
        for file in files where (0..<partitions).contains(file.group) { bytes[file.group] += Int64(file.bytes) }
        return (0..<partitions).map { PhaseUnit(key: "p\($0)", bytes: bytes[$0], index: $0) }
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let files = try task.work.files(phase: SignaturePhase.name, worldSize: task.worldSize)
        let directory = task.work.directory(of: SignaturePhase.name)
        for unit in units {
            let readers = try files.filter { $0.group == unit.index }.map {
                try WorkFileReader<BandEntry>(directory: directory, info: $0, phase: SignaturePhase.name)
            }
            var merger = try WorkFileMerger(readers)
            let writer = try task.createFile("edges-p\(unit.index).bin", group: unit.index, of: ClusterEdge.self)
            var bucket = BucketLinker(allPairs: settings.verifyThreshold != nil)
            while let entry = try merger.next() {
                try bucket.add(entry) { try writer.append($0) }
            }
            task.register(try writer.finish())
            task.progress.add(documents: 0, bytes: unit.bytes)
        }
    }
}

/// Turns the sorted entries of one partition into links, bucket by bucket.
struct BucketLinker {
    /// Pairs are listed among this many first members of a bucket.
    static let pairLimit = 16
    let allPairs: Bool
    private var held: [BandEntry] = []
    private var count = 0

    init(allPairs: Bool) { self.allPairs = allPairs }

    /// Adds the next entry in sorted order, emitting its links.
    mutating func add(_ entry: BandEntry, emit: (ClusterEdge) throws -> Void) throws {
        guard let head = held.first, head.key == entry.key else {
            held = [entry]
            count = 1
            return
        }
        count += 1
        if allPairs && held.count < Self.pairLimit {
            for earlier in held { try emit(ClusterEdge(member: entry.priority, root: earlier.priority)) }
            held.append(entry)
            return
        }
        try emit(ClusterEdge(member: entry.priority, root: head.priority))
        if allPairs {
            // Past the limit: the head and the previous member.
            try emit(ClusterEdge(member: entry.priority, root: held[held.count - 1].priority))
            held[held.count - 1] = entry
        }
    }
}
