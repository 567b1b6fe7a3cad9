import PretextStore

/// One document's key in one band (or its exact-text hash), as the signature phase writes it.
///
/// Sorted by key, then best document first, so in a run of equal keys the first entry is
/// the document the keep rule keeps. 40 bytes: key (16), then the keep priority (24).
public struct BandEntry: FixedWidthRecord {
    public static let byteCount = 16 + KeepPriority.byteCount

    /// The band key or text hash.
    public var key: Hash128
    /// The document and its keep priority.
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
        priority = KeepPriority(loading: pointer, at: 16)
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: key.high, as: UInt64.self)
        pointer.storeBytes(of: key.low, toByteOffset: 8, as: UInt64.self)
        priority.store(to: pointer, at: 16)
    }

    public static func < (lhs: BandEntry, rhs: BandEntry) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.priority.isBetter(than: rhs.priority)
    }
}
