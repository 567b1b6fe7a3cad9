import PretextStore

/// "`member` is a duplicate of `root`": written by the buckets phase (one edge per member of
/// a bucket, pointing at the bucket's best document) and the clusters phase (one per member
/// of a merged component). 48 bytes: two keep priorities; sorted by member.
public struct ClusterEdge: FixedWidthRecord {
    public static let byteCount = 2 * KeepPriority.byteCount

    /// The duplicate document.
    public var member: KeepPriority
    /// The best document of its bucket or component.
    public var root: KeepPriority

    /// Creates an edge.
    public init(member: KeepPriority, root: KeepPriority) {
        self.member = member
        self.root = root
    }

    public init(loading pointer: UnsafeRawPointer) {
        member = KeepPriority(loading: pointer, at: 0)
        root = KeepPriority(loading: pointer, at: KeepPriority.byteCount)
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        member.store(to: pointer, at: 0)
        root.store(to: pointer, at: KeepPriority.byteCount)
    }

    public static func < (lhs: ClusterEdge, rhs: ClusterEdge) -> Bool {
        lhs.member.document != rhs.member.document
            ? lhs.member.document < rhs.member.document : lhs.root.document < rhs.root.document
    }
}
