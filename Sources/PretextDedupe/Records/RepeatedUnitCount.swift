import CXXHash
import PretextStore

/// How often a unit (a line, a paragraph, a span of sentences) occurs, and where it occurs
/// first: the record of the repeated-content counts and totals phases.
///
/// The first occurrence is the lowest (order, document, position): the document's input
/// order (the keep rules' `InputOrder` key: source, then input line), its rowid in the input
/// catalog (which identifies it, and breaks ties of documents without a line), then the
/// unit's UTF-8 byte offset in the document's text. Sorted by hash, then first occurrence.
/// 40 bytes: hash, count, order, document, position.
public struct RepeatedUnitCount: FixedWidthRecord, Hashable {
    public static let byteCount = 40

    /// The unit's key: `hash(of:)` of its normalized text.
    public var hash: UInt64
    /// The number of occurrences counted.
    public var count: UInt64
    /// The input order of the document of the first occurrence.
    public var order: UInt64
    /// The input rowid of the document of the first occurrence.
    public var document: UInt64
    /// The byte offset of the first occurrence in that document's text.
    public var position: UInt64

    /// Creates a record.
    public init(hash: UInt64, count: UInt64, order: UInt64, document: UInt64, position: UInt64) {
        self.hash = hash
        self.count = count
        self.order = order
        self.document = document
        self.position = position
    }

    /// The key of a unit: XXH3-64 of its normalized UTF-8 bytes.
    public static func hash(of bytes: UnsafeRawBufferPointer) -> UInt64 {
        XXH3_64bits(bytes.baseAddress, bytes.count)
    }

    /// Whether this record's first occurrence comes before `other`'s.
    @inline(__always)
    public func occursBefore(_ other: RepeatedUnitCount) -> Bool {
        if order != other.order { return order < other.order }
        if document != other.document { return document < other.document }
        return position < other.position
    }

    /// Whether the first occurrence is at `position` of `document`.
    @inline(__always)
    public func isFirst(document: UInt64, position: UInt64) -> Bool {
        self.document == document && self.position == position
    }

    /// Adds `other`'s count (same hash) and keeps the earlier first occurrence.
    public mutating func merge(_ other: RepeatedUnitCount) {
        // Counts are bounded by the number of units in the corpus, far below 2⁶⁴.
        count &+= other.count
        if other.occursBefore(self) {
            order = other.order
            document = other.document
            position = other.position
        }
    }

    public init(loading pointer: UnsafeRawPointer) {
        hash = pointer.loadUnaligned(as: UInt64.self)
        count = pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        order = pointer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
        document = pointer.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
        position = pointer.loadUnaligned(fromByteOffset: 32, as: UInt64.self)
    }

    public func store(to pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: hash, as: UInt64.self)
        pointer.storeBytes(of: count, toByteOffset: 8, as: UInt64.self)
        pointer.storeBytes(of: order, toByteOffset: 16, as: UInt64.self)
        pointer.storeBytes(of: document, toByteOffset: 24, as: UInt64.self)
        pointer.storeBytes(of: position, toByteOffset: 32, as: UInt64.self)
    }

    public static func < (lhs: RepeatedUnitCount, rhs: RepeatedUnitCount) -> Bool {
        lhs.hash != rhs.hash ? lhs.hash < rhs.hash : lhs.occursBefore(rhs)
    }
}
