import PretextStore

/// One document's key in one band (or its exact-text hash), as the signature phase writes it.
///
/// Sorted by key, then best document first, so in a run of equal keys the first entry is
/// the document the keep rule keeps. 104 bytes: key (16), the keep priority (24) and the
/// document's signature sketch (64; zero for exact dedupe), so that the buckets phase can
/// check a candidate pair where it finds it.
public struct BandEntry: FixedWidthRecord {
    public static let byteCount = 16 + KeepPriority.byteCount + 64

    /// The band key or text hash.
    public var key: Hash128
    /// The document and its keep priority.
    public var priority: KeepPriority
    /// The document's signature sketch (MinHash).
    public var sketch: DocumentSketch

    /// Creates an entry.
    public init(key: Hash128, priority: KeepPriority, sketch: DocumentSketch = DocumentSketch()) {
        self.key = key
        self.priority = priority
        self.sketch = sketch
    }

    public init(loading pointer: UnsafeRawPointer) {
        key = Hash128(
            high: pointer.loadUnaligned(as: UInt64.self), low: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        )
        priority = KeepPriority(loading: pointer, at: 16)
        sketch = DocumentSketch(nibbles: pointer.loadUnaligned(fromByteOffset: 40, as: SIMD64<UInt8>.self))
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: key.high, as: UInt64.self)
        pointer.storeBytes(of: key.low, toByteOffset: 8, as: UInt64.self)
        priority.store(to: pointer, at: 16)
        pointer.storeBytes(of: sketch.nibbles, toByteOffset: 40, as: SIMD64<UInt8>.self)
    }

    public static func == (lhs: BandEntry, rhs: BandEntry) -> Bool {
        lhs.key == rhs.key && lhs.priority == rhs.priority
    }

    public static func < (lhs: BandEntry, rhs: BandEntry) -> Bool {
        lhs.key != rhs.key ? lhs.key < rhs.key : lhs.priority.isBetter(than: rhs.priority)
    }
}
