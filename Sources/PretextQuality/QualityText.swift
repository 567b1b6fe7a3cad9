/// A document prepared for the quality rules: its text decoded once into Unicode code points.
///
/// datatrove's rules measure lengths in code points (Python `len(str)`), so every rule works on
/// this array; build one `QualityText` per document and pass it to every rule family.
public struct QualityText: Sendable {
    /// The original text.
    public let text: String
    /// The text's Unicode scalar values, in order.
    public let scalars: [UInt32]

    /// Decodes `text` into code points.
    ///
    /// - Complexity: O(n) in the UTF-8 length.
    public init(_ text: String) {
        self.text = text
        var out = [UInt32]()
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars { out.append(s.value) }
        self.scalars = out
    }

    /// Number of code points (Python `len(text)`).
    public var count: Int { scalars.count }

    /// The string of a code-point range.
    public func string(_ range: Range<Int>) -> String {
        var s = String.UnicodeScalarView()
        for i in range { if let u = Unicode.Scalar(scalars[i]) { s.append(u) } }
        return String(s)
    }
}
