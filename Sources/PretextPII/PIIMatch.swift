/// One piece of personal data found in a text: its type and where it is.
public struct PIIMatch: Sendable, Hashable, CustomStringConvertible {
    /// What was found.
    public var type: PIIType
    /// The UTF-8 byte offsets of the match in the scanned text.
    public var range: Range<Int>

    /// Creates a match.
    public init(type: PIIType, range: Range<Int>) {
        self.type = type
        self.range = range
    }

    /// The type and byte range; never the matched text (it is personal data).
    public var description: String { "\(type)@\(range.lowerBound)..<\(range.upperBound)" }
}
