import PretextStore

/// "`member` is a duplicate of `root`": written by the buckets phase (one edge per member of
/// a bucket, pointing at the bucket's best document) and the clusters phase (one per member
/// of a merged component). 32 bytes; sorted by member.
public struct ClusterEdge: FixedWidthRecord {
    public static let byteCount = 32

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
        member = KeepPriority(
            document: pointer.loadUnaligned(as: UInt64.self),
            score: pointer.loadUnaligned(fromByteOffset: 8, as: Double.self))
        root = KeepPriority(
            document: pointer.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
            score: pointer.loadUnaligned(fromByteOffset: 24, as: Double.self))
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: member.document, as: UInt64.self)
        pointer.storeBytes(of: member.score, toByteOffset: 8, as: Double.self)
        pointer.storeBytes(of: root.document, toByteOffset: 16, as: UInt64.self)
        pointer.storeBytes(of: root.score, toByteOffset: 24, as: Double.self)
    }

    public static func < (lhs: ClusterEdge, rhs: ClusterEdge) -> Bool {
        lhs.member.document != rhs.member.document
            ? lhs.member.document < rhs.member.document : lhs.root.document < rhs.root.document
    }

    public static func == (lhs: ClusterEdge, rhs: ClusterEdge) -> Bool {
        lhs.member == rhs.member && lhs.root == rhs.root
    }
}
