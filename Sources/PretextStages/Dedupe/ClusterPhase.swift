import PretextCore
import PretextDedupe
import PretextStore

/// Phase 3: unions the bucket links of a share of the partitions (partition `p` goes to
/// group `p mod worldSize`) and writes, for every document of a component, its component's
/// best document. The groups run in parallel; the final pass merges their (small) forests.
struct ClusterPhase: StagePhase {
    static let name = "clusters"

    func units(work: WorkArea, worldSize: Int) throws -> [PhaseUnit] {
        let files = try work.files(phase: BucketPhase.name, worldSize: worldSize)
        var bytes = [Int64](repeating: 0, count: worldSize)
        for file in files { bytes[file.group % worldSize] += Int64(file.bytes) }
        return (0..<worldSize).map { PhaseUnit(key: "g\($0)", bytes: bytes[$0], index: $0) }
    }

    func run(_ units: [PhaseUnit], in task: PhaseTask) throws {
        let files = try task.work.files(phase: BucketPhase.name, worldSize: task.worldSize)
        for unit in units {
            let edges = files.filter { $0.group % task.worldSize == unit.index }
            var components = PriorityUnionFind()
            try task.work.forEachRecord(in: edges, phase: BucketPhase.name, as: ClusterEdge.self) {
                components.union($0.member, $0.root)
            }
            let writer = try task.createFile("forest-g\(unit.index).bin", group: unit.index, of: ClusterEdge.self)
            try components.forEachMember { member, root, _ in
                try writer.append(ClusterEdge(member: member, root: root))
            }
            task.register(try writer.finish())
            task.progress.add(documents: Int64(components.count), bytes: unit.bytes)
        }
    }
}
