/// BERT's pre-tokenization, as HF tokenizers' `BertPreTokenizer` does it: words are split at
/// whitespace (dropped) and each punctuation character is a word of its own — ASCII
/// punctuation and symbols (`!`…`/`, `:`…`@`, `[`…`` ` ``, `{`…`~`) and every character of
/// general category P.
enum BertPreTokenizer {
    /// The word ranges of `text` (in its scalars), in order.
    static func words(_ text: NormalizedText) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (index, scalar) in text.scalars.enumerated() {
            if BertNormalizer.isWhitespace(scalar) {
                if let begin = start { words.append(begin..<index) }
                start = nil
            } else if isPunctuation(scalar) {
                if let begin = start { words.append(begin..<index) }
                words.append(index..<index + 1)
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { words.append(begin..<text.scalars.count) }
        return words
    }

    /// ASCII punctuation and symbols, and Unicode punctuation (general category P).
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value)
                || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation, .initialPunctuation,
            .otherPunctuation, .openPunctuation:
            return true
        default:
            return false
        }
    }
}
