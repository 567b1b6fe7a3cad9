/// The writing systems of a document, counted the way the audit counts words, for choosing a
/// lexicon when the document has no language (`LexiconChoice`).
///
/// A run of Latin letters (ASCII letters and digits, U+00C0–U+024F without × and ÷) is one
/// Latin word, as in the audit's word count (`SentenceSplitter`);
/// each Han character (U+3400–U+4DBF, U+4E00–U+9FFF, U+F900–U+FAFF) and each kana character
/// (U+3041–U+30FF, U+31F0–U+31FF, U+FF66–U+FF9F) is one word of its own, as in the audit's word
/// count. Other scripts are not counted. Only the first `sampleBytes` bytes are read.
struct DocumentScript: Equatable {
    /// The bytes read from the start of a document: enough to tell its script, bounded so
    /// that long documents cost no more than short ones.
    static let sampleBytes = 65_536

    /// Runs of Latin letters and digits.
    var latinWords = 0
    /// Han characters.
    var han = 0
    /// Hiragana and Katakana characters.
    var kana = 0

    /// Counts the scripts of the UTF-8 `text` (invalid bytes count as nothing).
    init(utf8 text: UnsafeRawBufferPointer) {
        var inLatinWord = false
        var index = 0
        let end = min(text.count, Self.sampleBytes)
        let text = UnsafeRawBufferPointer(rebasing: text[..<end])
        while index < end {
            let lead = text[index]
            if lead < 0x80, index + 8 <= end {
                // Eight ASCII bytes at a time, up to the next stop (the splitter's word rule).
                let next = ASCIIWordLanes.countWords(in: text, from: index, words: &latinWords, inWord: &inLatinWord)
                if next > index {
                    index = next
                    continue
                }
            }
            if lead < 0x80 {
                // &-: wrapping subtraction turns each range test into one unsigned comparison.
                let isLetter = (lead | 0x20) &- 0x61 < 26 || lead &- 0x30 < 10
                if isLetter && !inLatinWord { latinWords += 1 }
                inLatinWord = isLetter
                index += 1
                continue
            }
            let (scalar, length) = Self.decode(text, at: index, end: end)
            index += length
            let isLatin = Self.isLatinLetter(scalar)
            if isLatin && !inLatinWord { latinWords += 1 }
            inLatinWord = isLatin
            if Self.isHan(scalar) { han += 1 } else if Self.isKana(scalar) { kana += 1 }
        }
    }

    /// The language whose lexicon suits the text, by its script: Japanese (`ja`) when
    /// Han and kana characters outnumber the Latin words and kana make up at least one in
    /// twenty of them, Chinese (`zh`) when they outnumber the Latin words otherwise, English
    /// (`en`) when there are Latin words; `nil` for text without any of these scripts.
    var language: String? {
        let cjk = han + kana
        if cjk > 0 && cjk >= latinWords {
            return kana * 20 >= cjk ? "ja" : "zh"
        }
        return latinWords > 0 ? "en" : nil
    }

    /// The scalar value at `index` and its length in bytes; an invalid or cut sequence gives
    /// value 0 and length 1, so scanning always moves on.
    private static func decode(_ text: UnsafeRawBufferPointer, at index: Int, end: Int) -> (UInt32, Int) {
        let lead = text[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else { return (0, 1) }
        var value = UInt32(lead) & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            let byte = text[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0, 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    private static func isLatinLetter(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F: true
        default: false
        }
    }

    private static func isHan(_ value: UInt32) -> Bool {
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true
        default: false
        }
    }

    private static func isKana(_ value: UInt32) -> Bool {
        switch value {
        case 0x3041...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: true
        default: false
        }
    }
}
