/// The fallback word splitter for Chinese and Japanese until ICU word segmentation is plugged
/// in: every Han, kana or Hangul character is a word, runs of other letters and digits are
/// words, and every other non-space character (punctuation, symbols) is a word of its own.
///
/// Sentences are counted with spaCy's sentencizer rule over these words (。！？ and the
/// other sentence-final marks end a sentence).
public struct CJKWordSplitter: WordSplitter {
    /// Creates the splitter.
    public init() {}

    /// Whether a code point is written one-word-per-character here (Han, kana, Hangul).
    @inline(__always)
    static func isIdeographic(_ c: UInt32) -> Bool {
        switch c {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF,
            0xFF66...0xFF9F, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x20000...0x3134F:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    private static func isWordChar(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// Appends the words of `scalars[range]`.
    ///
    /// - Complexity: O(n).
    public func split(_ scalars: [UInt32], range: Range<Int>, into words: inout WordList) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let c = scalars[i]
            if PythonText.isSpace(c) {
                i += 1
            } else if Self.isIdeographic(c) || !Self.isWordChar(c) {
                words.append(i..<(i + 1))
                i += 1
            } else {
                var e = i + 1
                while e < end && Self.isWordChar(scalars[e]) && !Self.isIdeographic(scalars[e]) { e += 1 }
                words.append(i..<e)
                i = e
            }
        }
    }

    /// Sentences by spaCy's sentencizer rule over this splitter's words.
    public func sentenceCount(_ scalars: [UInt32], range: Range<Int>) -> Int {
        var w = WordList()
        split(scalars, range: range, into: &w)
        return Sentencizer.count(scalars, w)
    }
}
