import CXXHash
import PretextStore

/// How often a unit (a line, a paragraph, a span of sentences) occurs, and where it occurs
/// first: the record of the repeated-content counts and totals phases.
///
/// The first occurrence is the lowest (document, position): the document's rowid in the input
/// catalog (storage order), then the unit's UTF-8 byte offset in the document's text. Sorted
/// by hash, then first occurrence. 32 bytes: hash, count, document, position.
public struct RepeatedUnitCount: FixedWidthRecord, Hashable {
    public static let byteCount = 32

    /// The unit's key: `hash(of:)` of its normalized text.
    public var hash: UInt64
    /// The number of occurrences counted.
    public var count: UInt64
    /// The input rowid of the document of the first occurrence.
    public var document: UInt64
    /// The byte offset of the first occurrence in that document's text.
    public var position: UInt64

    /// Creates a record.
    public init(hash: UInt64, count: UInt64, document: UInt64, position: UInt64) {
        self.hash = hash
        self.count = count
        self.document = document
        self.position = position
    }

    /// The key of a unit: XXH3-64 of its normalized UTF-8 bytes.
    public static func hash(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        XXH3_64bits(bytes.baseAddress, bytes.count)
    }

    /// Whether `(document, position)` comes before this record's first occurrence.
    @inline(__always)
    public func isAfter(document: UInt64, position: UInt64) -> Bool {
        self.document != document ? document < self.document : position < self.position
    }

    /// Adds `other`'s count (same hash) and keeps the earlier first occurrence.
    public mutating func merge(_ other: RepeatedUnitCount) {
        // Counts are bounded by the number of units in the corpus, far below 2⁶⁴.
        count &+= other.count
        if isAfter(document: other.document, position: other.position) {
            document = other.document
            position = other.position
        }
    }

    public init(loading pointer: UnsafeRawPointer) {
        hash = pointer.loadUnaligned(as: UInt64.self)
        count = pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        document = pointer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        position = pointer.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: hash, as: UInt64.self)
        pointer.storeBytes(of: count, toByteOffset: 8, as: UInt64.self)
        pointer.storeBytes(of: document, toByteOffset: 16, as: UInt64.self)
        pointer.storeBytes(of: position, toByteOffset: 24, as: UInt64.self)
    }

    public static func < (lhs: RepeatedUnitCount, rhs: RepeatedUnitCount) -> Bool {
        if lhs.hash != rhs.hash { return lhs.hash < rhs.hash }
        return rhs.isAfter(document: lhs.document, position: lhs.position)
    }
}
