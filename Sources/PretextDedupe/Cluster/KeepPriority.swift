/// Which document of a duplicate cluster is kept: the highest score, then the earliest input
/// position, then the lowest rowid.
///
/// The score comes from the keep rule (`0` for "first", the length for "longest", a catalog
/// column's value, a source's rank); the order is the document's input position (its source's
/// rank among the input's sources, then its line); the document is its rowid in the input
/// catalog, which identifies it.
public struct KeepPriority: Sendable, Hashable {
    /// The document's rowid in the input catalog.
    public var document: UInt64
    /// The keep rule's score; higher is kept. Never NaN.
    public var score: Double
    /// The input position; lower is kept when scores tie.
    public var order: UInt64

    /// Creates a priority; a NaN score counts as the lowest.
    public init(document: UInt64, score: Double, order: UInt64 = 0) {
        self.document = document
        self.score = score.isNaN ? -.infinity : score
        self.order = order
    }

    /// Whether `self` is kept over `other`.
    @inline(__always)
    public func isBetter(than other: KeepPriority) -> Bool {
        if score != other.score { return score > other.score }
        if order != other.order { return order < other.order }
        return document < other.document
    }

    /// Stored size: document, score, order.
    static let byteCount = 24

    init(loading pointer: UnsafeRawPointer, at offset: Int) {
        self.init(
            document: pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
            score: pointer.loadUnaligned(fromByteOffset: offset + 8, as: Double.self),
            order: pointer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
    }

    func store(to pointer: UnsafeMutableRawPointer, at offset: Int) {
        pointer.storeBytes(of: document, toByteOffset: offset, as: UInt64.self)
        pointer.storeBytes(of: score, toByteOffset: offset + 8, as: Double.self)
        pointer.storeBytes(of: order, toByteOffset: offset + 16, as: UInt64.self)
    }
}
