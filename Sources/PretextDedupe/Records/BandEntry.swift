import PretextStore

/// One document's key in one band (or its exact-text hash), as the signature phase writes it.
///
/// Sorted by key, then best document first, so in a run of equal keys the first entry is
/// the document the keep rule keeps. 32 bytes: key (16), score (8), document (8).
public struct BandEntry: FixedWidthRecord {
    public static let byteCount = 32

    /// The band key or text hash.
    public var key: Hash128
    /// The document and its keep score.
    public var priority: KeepPriority

    /// Creates an entry.
    public init(key: Hash128, priority: KeepPriority) {
        self.key = key
        self.priority = priority
    }

    public init(loading pointer: UnsafeRawPointer) {
        key = Hash128(
            high: pointer.loadUnaligned(as: UInt64.self), low: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        )
        priority = KeepPriority(
            document: pointer.loadUnaligned(fromByteOffset: 24, as: UInt64.self),
            score: pointer.loadUnaligned(fromByteOffset: 16, as: Double.self))
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: key.high, as: UInt64.self)
        pointer.storeBytes(of: key.low, toByteOffset: 8, as: UInt64.self)
        pointer.storeBytes(of: priority.score, toByteOffset: 16, as: Double.self)
        pointer.storeBytes(of: priority.document, toByteOffset: 24, as: UInt64.self)
    }

    public static func < (lhs: BandEntry, rhs: BandEntry) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.priority.isBetter(than: rhs.priority)
    }
}
