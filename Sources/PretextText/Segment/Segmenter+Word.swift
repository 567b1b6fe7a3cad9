extension Segmenter {
    /// A word found by the word iterator: its byte range and what it is made of.
    public struct Word: Hashable, Sendable {
        /// What a word is made of, from ICU's word-break rule status (`UWordBreak`).
        public enum Kind: UInt8, Hashable, Sendable, CaseIterable {
            /// Letters (`UBRK_WORD_LETTER`): words of alphabetic scripts, and dictionary words
            /// of Thai, Lao, Khmer and Burmese.
            case letter
            /// A number (`UBRK_WORD_NUMBER`), such as "42" or "3.14".
            case number
            /// Ideographs (`UBRK_WORD_IDEO`): Chinese words and Japanese words with kanji.
            case ideographic
            /// Kana (`UBRK_WORD_KANA`): Japanese words of hiragana or katakana only.
            case kana
            /// Anything else that is not whitespace: punctuation, symbols, emoji
            /// (`UBRK_WORD_NONE`); only returned when asked for.
            case other

            /// Maps an ICU word rule status (0–99 none, 100 number, 200 letter, 300 kana, 400 ideo).
            init(ruleStatus status: Int32) {
                switch status {
                case 100..<200: self = .number
                case 200..<300: self = .letter
                case 300..<400: self = .kana
                case 400..<500: self = .ideographic
                default: self = .other
                }
            }
        }

        /// The word's UTF-8 byte range in the text.
        public var range: Range<Int>
        /// What the word is made of.
        public var kind: Kind

        /// Creates a word.
        public init(range: Range<Int>, kind: Kind) {
            self.range = range
            self.kind = kind
        }
    }
}
