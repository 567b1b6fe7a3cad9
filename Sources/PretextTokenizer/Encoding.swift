/// A text as tokens: ids, token strings, and where each token came from.
public struct Encoding: Sendable, Equatable {
    /// The token ids.
    public var ids: [UInt32] = []
    /// The tokens' strings (byte-level tokens in GPT-2's alphabet).
    public var tokens: [String] = []
    /// Each token's range in the text, in Unicode scalars (HF's offsets are Python string
    /// indices, which count the same way).
    public var offsets: [Range<Int>] = []

    /// An empty encoding.
    public init() {}

    /// Appends one token.
    mutating func append(id: UInt32, token: String, offset: Range<Int>) {
        ids.append(id)
        tokens.append(token)
        offsets.append(offset)
    }
}
