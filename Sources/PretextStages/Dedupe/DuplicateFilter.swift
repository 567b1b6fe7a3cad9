import PretextCore
import PretextDedupe
import PretextStore

/// The final pass of exact and MinHash dedupe: keeps each cluster's kept document (with
/// `dup_cluster` and `dup_cluster_size`) and every document without duplicates; drops the
/// others, naming their cluster and the kept document.
struct DuplicateFilter: DocumentWorker {
    let map: ClusterMap
    let reason: String
    private let ids: KeptDocumentIDs

    init(map: ClusterMap, reason: String, input: Dataset) throws {
        self.map = map
        self.reason = reason
        ids = try KeptDocumentIDs(dataset: input)
    }

    mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
        guard let rowID = row.rowID, let cluster = map[UInt64(rowID)] else { return .keep }
        if cluster.root == UInt64(rowID) {
            row.dupCluster = Int(cluster.root)
            row.setSignal("dup_cluster_size", .integer(Int64(cluster.size)))
            return .keep
        }
        let kept = try ids.id(of: cluster.root)
        return .drop(
            reason: reason,
            detail: "cluster \(cluster.root) of \(cluster.size) documents; kept document \(kept)")
    }
}

/// Looks up document ids by rowid in the input catalog.
final class KeptDocumentIDs {
    private let catalog: Catalog
    private var cache: [UInt64: String] = [:]

    init(dataset: Dataset) throws {
        catalog = try dataset.openCatalog(readOnly: true)
    }

    func id(of rowID: UInt64) throws -> String {
        if let id = cache[rowID] { return id }
        guard let id = try catalog.documentID(rowID: Int64(rowID)) else {
            throw PretextError(.corrupt, "the input catalog has no document with rowid \(rowID)")
        }
        if cache.count > 100_000 { cache.removeAll(keepingCapacity: true) }
        cache[rowID] = id
        return id
    }
}
