/// Which document of a duplicate cluster is kept: the highest score, then the lowest key.
///
/// The key is the document's rowid in the input catalog (storage order); the score comes
/// from the keep rule (`0` for "first", the length for "longest", a catalog column's value,
/// a source's rank).
public struct KeepPriority: Sendable, Hashable {
    /// The document's key (input catalog rowid).
    public var document: UInt64
    /// The keep rule's score; higher is kept. Never NaN.
    public var score: Double

    /// Creates a priority; a NaN score counts as the lowest.
    public init(document: UInt64, score: Double) {
        self.document = document
        self.score = score.isNaN ? -.infinity : score
    }

    /// Whether `self` is kept over `other`.
    @inline(__always)
    public func isBetter(than other: KeepPriority) -> Bool {
        score != other.score ? score > other.score : document < other.document
    }
}
