import PretextCore
import PretextDedupe
import PretextStore
import Synchronization

/// Every document that has a duplicate, with its cluster (the kept document) and the
/// cluster's size: the union of the clusters phase's forests.
///
/// Holds only documents with duplicates (about 16 bytes each, plus the union–find while
/// it is built). Built once per process and shared by its ranks (`ClusterMapCache`).
struct ClusterMap: Sendable {
    /// A document's cluster.
    struct Entry: Sendable {
        /// The kept document (its input rowid): the cluster id.
        var root: UInt64
        /// The number of documents in the cluster.
        var size: Int
    }

    private(set) var entries: [UInt64: Entry] = [:]

    /// Merges every forest of the clusters phase.
    ///
    /// - Throws: `PretextError(.corrupt)` for a missing, incomplete or damaged forest.
    init(work: WorkArea, worldSize: Int) throws {
        let files = try work.files(phase: ClusterPhase.name, worldSize: worldSize)
        var components = PriorityUnionFind()
        try work.forEachRecord(in: files, phase: ClusterPhase.name, as: ClusterEdge.self) {
            components.union($0.member, $0.root)
        }
        var entries: [UInt64: Entry] = [:]
        entries.reserveCapacity(components.count)
        components.forEachMember { member, root, size in
            entries[member.document] = Entry(root: root.document, size: size)
        }
        self.entries = entries
    }

    /// The cluster of `document`, or `nil` when it has no duplicate.
    subscript(document: UInt64) -> Entry? { entries[document] }
}

/// Builds each work area's `ClusterMap` once per process, for all ranks running in it.
final class ClusterMapCache: Sendable {
    private let maps = Mutex<[String: ClusterMap]>([:])
    private let building = Mutex<Void>(())

    /// The map of `work`, built on first use.
    func map(work: WorkArea, worldSize: Int) throws -> ClusterMap {
        try building.withLock { _ in
            if let map = maps.withLock({ $0[work.root] }) { return map }
            let map = try ClusterMap(work: work, worldSize: worldSize)
            maps.withLock { $0[work.root] = map }
            return map
        }
    }
}
