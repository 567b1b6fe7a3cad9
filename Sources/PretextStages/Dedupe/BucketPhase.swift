import PretextCore
import PretextDedupe
import PretextStore

/// Phase 2: for each partition (band × hash range), merges every rank's sorted runs and
/// links each document of a bucket (equal key) to the bucket's best document. Units: the
/// partitions; memory: one read buffer per run.
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
            var head: BandEntry?
            while let entry = try merger.next() {
                if let first = head, first.key == entry.key {
                    try writer.append(ClusterEdge(member: entry.priority, root: first.priority))
                } else {
                    head = entry
                }
            }
            task.register(try writer.finish())
            task.progress.add(documents: 0, bytes: unit.bytes)
        }
    }
}
