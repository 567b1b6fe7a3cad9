/// The words of a text, as code-point ranges into its `QualityText`.
///
/// Produced by a `WordSplitter`; the rules read word lengths and contents through the ranges,
/// never through `String`s.
public struct WordList: Sendable, Equatable {
    /// Start offsets (code points) of the words.
    public private(set) var starts: [Int32] = []
    /// End offsets (code points, exclusive) of the words.
    public private(set) var ends: [Int32] = []

    /// An empty list.
    public init() {}

    /// Number of words.
    public var count: Int { starts.count }

    /// The code-point range of word `i`.
    @inline(__always)
    public subscript(i: Int) -> Range<Int> { Int(starts[i])..<Int(ends[i]) }

    /// Appends a word. Empty ranges are ignored.
    @inline(__always)
    public mutating func append(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        starts.append(Int32(truncatingIfNeeded: range.lowerBound))
        ends.append(Int32(truncatingIfNeeded: range.upperBound))
    }

    /// Removes all words, keeping the storage.
    public mutating func removeAll() {
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// The words as strings (for tests and debugging).
    public func strings(in text: QualityText) -> [String] { (0..<count).map { text.string(self[$0]) } }
}
