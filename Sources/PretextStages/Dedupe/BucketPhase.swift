import PretextCore
import PretextDedupe
import PretextStore

/// Phase 2: for each partition (band × hash range), merges every rank's sorted runs and
/// links the documents of each bucket (equal key) to the bucket's best document. With
/// verification (MinHash's default) a link needs the two sketches' estimated Jaccard to reach
/// the threshold, and a new member is checked against each of the bucket's first 16 members
/// (then against the best and the previous one), so that one failed check does not split a
/// bucket. Units: the partitions; memory: one read buffer per run and at most 16 entries.
struct BucketPhase: StagePhase {
    static let name = "buckets"
    let settings: DocumentDedupeSettings

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        let files = try work.files(phase: SignaturePhase.name, worldSize: worldSize)
        return PhaseUnit.groups(
            of: files, count: settings.bands * settings.ranges(worldSize: worldSize), keyPrefix: "p")
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let files = try task.work.files(phase: SignaturePhase.name, worldSize: task.worldSize)
        for unit in units {
            var merger = try task.work.merged(
                files.filter { $0.group == unit.index }, phase: SignaturePhase.name, as: BandEntry.self)
            let writer = try task.createFile("edges-p\(unit.index).bin", group: unit.index, of: ClusterEdge.self)
            var bucket = BucketLinker(threshold: settings.verifyThreshold, hashCount: settings.lsh.hashCount)
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
    /// New members are checked against this many first members of a bucket.
    static let checkLimit = 16
    /// The estimated Jaccard a link needs (`nil`: every member links to the best one).
    let threshold: Double?
    let hashCount: Int
    private var held: [BandEntry] = []

    init(threshold: Double?, hashCount: Int) {
        self.threshold = threshold
        self.hashCount = hashCount
    }

    /// Adds the next entry in sorted order, emitting its links.
    mutating func add(_ entry: BandEntry, emit: (ClusterEdge) throws -> Void) throws {
        guard let head = held.first, head.key == entry.key else {
            held = [entry]
            return
        }
        guard let threshold else {
            try emit(ClusterEdge(member: entry.priority, root: head.priority))
            return
        }
        let candidates = held.count < Self.checkLimit ? held : [head, held[held.count - 1]]
        for earlier in candidates where entry.sketch.similarity(to: earlier.sketch, hashCount: hashCount) >= threshold {
            try emit(ClusterEdge(member: entry.priority, root: earlier.priority))
        }
        if held.count < Self.checkLimit { held.append(entry) } else { held[held.count - 1] = entry }
    }
}
