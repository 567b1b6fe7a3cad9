/// Splits text into words and counts sentences for the quality rules.
///
/// Inject one per language: `EnglishWordSplitter` reproduces datatrove's English tokenizer
/// (spaCy), `CJKWordSplitter` is the character-based fallback for Chinese and Japanese until
/// ICU word segmentation is plugged in. Conformers must be thread-safe (`Sendable`) and
/// return words in text order; words never contain whitespace at their ends.
public protocol WordSplitter: Sendable {
    /// Appends the words of `scalars[range]` to `words`.
    ///
    /// - Parameters:
    ///   - scalars: the code points of the text.
    ///   - range: the part to split.
    ///   - words: the list to append to; ranges are offsets into `scalars`.
    func split(_ scalars: [UInt32], range: Range<Int>, into words: inout WordList)

    /// Number of sentences in `scalars[range]` (datatrove's `split_into_sentences` count; at
    /// least 1 for non-empty text).
    func sentenceCount(_ scalars: [UInt32], range: Range<Int>) -> Int
}

extension WordSplitter {
    /// The words of a whole text.
    public func words(in text: QualityText) -> WordList {
        var w = WordList()
        split(text.scalars, range: 0..<text.count, into: &w)
        return w
    }

    /// The words of a string (convenience for tests and tools).
    public func words(in text: String) -> [String] {
        let t = QualityText(text)
        return words(in: t).strings(in: t)
    }
}
