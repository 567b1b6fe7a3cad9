/// SentencePiece's word boundaries as HF tokenizers' `Metaspace` pre-tokenizer makes them:
/// every space becomes `▁` (U+2581), a `▁` goes before the text, and the text splits before
/// each `▁`, so that every word starts with one.
public struct Metaspace: Sendable, Equatable {
    /// When a `▁` goes before a text.
    public enum PrependScheme: String, Sendable, Equatable {
        /// Before every text that does not start with one (the default).
        case always
        /// Only before the start of the whole input (not after a special token).
        case first
        /// Never.
        case never
    }

    /// The replacement character (`▁`).
    public var replacement: Unicode.Scalar
    /// When `replacement` goes before a text.
    public var prependScheme: PrependScheme
    /// Whether the text splits into words before each `replacement`.
    public var split: Bool

    /// HF's defaults: `▁`, always, split.
    public init(replacement: Unicode.Scalar = "\u{2581}", prependScheme: PrependScheme = .always, split: Bool = true) {
        self.replacement = replacement
        self.prependScheme = prependScheme
        self.split = split
    }

    /// `text` with spaces replaced and the prefix added (`atStart`: the text begins the input).
    /// A prepended `▁` comes from the first character, as in HF (it adds no width to offsets).
    func apply(_ text: NormalizedText, atStart: Bool) -> NormalizedText {
        var result = NormalizedText()
        guard let first = text.scalars.first else { return result }
        let prepend =
            first != replacement && first != " "
            && (prependScheme == .always || (prependScheme == .first && atStart))
        if prepend { result.append(replacement, from: text.origins[0]) }
        for (scalar, origin) in zip(text.scalars, text.origins) {
            result.append(scalar == " " ? replacement : scalar, from: origin)
        }
        return result
    }

    /// The words of `text` (after `apply`): ranges of its scalars, each starting at a `▁`
    /// (except perhaps the first).
    func words(_ text: NormalizedText) -> [Range<Int>] {
        guard split else { return text.scalars.isEmpty ? [] : [0..<text.scalars.count] }
        var words: [Range<Int>] = []
        var start = 0
        for (index, scalar) in text.scalars.enumerated() where scalar == replacement && index > start {
            words.append(start..<index)
            start = index
        }
        if start < text.scalars.count { words.append(start..<text.scalars.count) }
        return words
    }

    /// Calls `body` with the UTF-8 bytes of each word of `text` as training counts them (the
    /// whole text is one input: prefix always added unless the scheme is `never`).
    static func forEachWord(
        _ text: UnsafeRawBufferPointer, prependScheme: PrependScheme = .always, _ body: (UnsafeRawBufferPointer) -> Void
    ) {
        guard !text.isEmpty else { return }
        let marker: [UInt8] = [0xE2, 0x96, 0x81]
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var index = 0
        func isMarker(_ at: Int) -> Bool {
            at + 2 < text.count && text[at] == 0xE2 && text[at + 1] == 0x96 && text[at + 2] == 0x81
        }
        if text[0] != 0x20 && !isMarker(0) && prependScheme != .never { word += marker }
        while index < text.count {
            let byte = text[index]
            let boundary = byte == 0x20 || isMarker(index)
            if boundary {
                if !word.isEmpty { word.withUnsafeBytes(body) }
                word.removeAll(keepingCapacity: true)
                word += marker
                index += byte == 0x20 ? 1 : 3
            } else {
                word.append(byte)
                index += 1
            }
        }
        if !word.isEmpty { word.withUnsafeBytes(body) }
    }
}
