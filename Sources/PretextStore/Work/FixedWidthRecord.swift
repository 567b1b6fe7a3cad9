/// A record of a fixed number of bytes, stored in work files between the phases of a stage.
///
/// Records are written and read as raw bytes; `Comparable` gives the sort order of sorted
/// runs (the external sort spills runs in this order and merges them back).
public protocol FixedWidthRecord: Comparable, Sendable {
    /// The size of one stored record in bytes.
    static var byteCount: Int { get }
    /// Reads a record from `byteCount` bytes at `pointer` (any alignment).
    init(loading pointer: UnsafeRawPointer)
    /// Writes the record's `byteCount` bytes at `pointer` (any alignment).
    func store(to pointer: UnsafeMutableRawPointer)
}
