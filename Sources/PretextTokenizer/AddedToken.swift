/// A token matched in the text before pre-tokenization (`[CLS]`, `<|endoftext|>`): HF
/// tokenizers' `added_tokens` entries.
public struct AddedToken: Sendable, Hashable {
    /// The token's id.
    public var id: UInt32
    /// The text it matches.
    public var content: String
    /// Whether it is a special token (left out when decoding with `skipSpecialTokens`).
    public var special: Bool
    /// Whether it matches only as a whole word.
    public var singleWord: Bool = false
    /// Whether it takes the whitespace on its left.
    public var leftStrip: Bool = false
    /// Whether it takes the whitespace on its right.
    public var rightStrip: Bool = false
    /// Whether it is matched in the normalized text (`false`: in the text as given).
    public var normalized: Bool = false

    /// An added token.
    public init(id: UInt32, content: String, special: Bool = true) {
        self.id = id
        self.content = content
        self.special = special
    }
}

/// Splits a text at the occurrences of added tokens (leftmost first, the longest at a place).
struct AddedTokenSplitter: Sendable {
    /// A part of the text: an added token or a stretch of text between them (ranges in UTF-8
    /// bytes of the text).
    enum Part {
        case token(AddedToken, Range<Int>)
        case text(Range<Int>)
    }

    private let tokens: [(bytes: [UInt8], token: AddedToken)]
    /// Whether some token starts with each byte: most positions are skipped with one lookup.
    private let firstBytes: [Bool]

    init(_ tokens: [AddedToken]) {
        self.tokens = tokens.filter { !$0.content.isEmpty }.map { (Array($0.content.utf8), $0) }
            .sorted { $0.bytes.count > $1.bytes.count }
        var firstBytes = [Bool](repeating: false, count: 256)
        for token in self.tokens { firstBytes[Int(token.bytes[0])] = true }
        self.firstBytes = firstBytes
    }

    /// The parts of `text`, in order.
    func split(_ text: UnsafeRawBufferPointer) -> [Part] {
        guard !tokens.isEmpty else { return text.isEmpty ? [] : [.text(0..<text.count)] }
        var parts: [Part] = []
        var start = 0
        var index = 0
        while index < text.count {
            guard firstBytes[Int(text[index])],
                let match = tokens.first(where: { Self.matches($0.bytes, text, at: index) })
            else {
                index += 1
                continue
            }
            if start < index { parts.append(.text(start..<index)) }
            parts.append(.token(match.token, index..<index + match.bytes.count))
            index += match.bytes.count
            start = index
        }
        if start < text.count { parts.append(.text(start..<text.count)) }
        return parts
    }

    private static func matches(_ pattern: [UInt8], _ text: UnsafeRawBufferPointer, at index: Int) -> Bool {
        guard index + pattern.count <= text.count else { return false }
        for offset in pattern.indices where text[index + offset] != pattern[offset] { return false }
        return true
    }
}
