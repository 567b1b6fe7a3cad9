/// A normalized text that remembers, for each of its scalars, which scalar of the original
/// text it came from: offsets of tokens found in it map back to the original (HF tokenizers'
/// `NormalizedString` alignments, at scalar granularity).
struct NormalizedText: Sendable {
    /// The normalized scalars.
    var scalars: [Unicode.Scalar] = []
    /// For each normalized scalar, the index of the original scalar it came from.
    var origins: [Int] = []

    /// The text unchanged: scalar `i` comes from scalar `base + i`.
    init(_ text: String, base: Int = 0) {
        scalars = Array(text.unicodeScalars)
        origins = Array(base..<base + scalars.count)
    }

    init() {}

    /// Appends a scalar that came from original scalar `origin`.
    mutating func append(_ scalar: Unicode.Scalar, from origin: Int) {
        scalars.append(scalar)
        origins.append(origin)
    }

    /// The original range covered by normalized scalars `range` (empty ranges map to an empty
    /// range at the origin of the next scalar).
    func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < origins.count ? origins[range.lowerBound] : (origins.last.map { $0 + 1 } ?? 0)
            return at..<at
        }
        let start = origins[range.lowerBound]
        let end = origins[range.upperBound - 1] + 1
        return start..<max(start, end)
    }
}
