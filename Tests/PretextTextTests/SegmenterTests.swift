import Testing

@testable import PretextText

@Suite struct SegmenterTests {
    /// The text of each range, for readable expectations.
    static func pieces(_ text: String, _ ranges: [Range<Int>]) -> [String] {
        let bytes = Array(text.utf8)
        return ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    static func words(_ segmenter: Segmenter, _ text: String, punctuation: Bool = false) throws -> [String] {
        try pieces(text, segmenter.words(in: text, includingPunctuation: punctuation).map(\.range))
    }

    @Test func englishSentencesAndWords() throws {
        let segmenter = try Segmenter(locale: "en")
        let text = "The cat sat. Did it purr? Yes!\nA new line starts here"
        #expect(
            try Self.pieces(text, segmenter.sentences(in: text))
                == ["The cat sat. ", "Did it purr? ", "Yes!\n", "A new line starts here"])
        #expect(
            try Self.pieces(text, segmenter.sentences(in: text, trimmingWhitespace: true))
                == ["The cat sat.", "Did it purr?", "Yes!", "A new line starts here"])
        let words = try segmenter.words(in: "It costs 3.50 dollars, isn't it?")
        #expect(
            try Self.words(segmenter, "It costs 3.50 dollars, isn't it?") == [
                "It", "costs", "3.50", "dollars", "isn't", "it",
            ])
        #expect(words.map(\.kind) == [.letter, .letter, .number, .letter, .letter, .letter])
    }

    @Test func punctuationOnRequest() throws {
        let segmenter = try Segmenter()
        let words = try segmenter.words(in: "Hi, you 👋!", includingPunctuation: true)
        #expect(try Self.words(segmenter, "Hi, you 👋!", punctuation: true) == ["Hi", ",", "you", "👋", "!"])
        #expect(words.map(\.kind) == [.letter, .other, .letter, .other, .other])
    }

    @Test func chineseUsesTheDictionary() throws {
        let segmenter = try Segmenter(locale: "zh")
        let text = "我爱北京天安门。今天天气很好！"
        #expect(try Self.pieces(text, segmenter.sentences(in: text)) == ["我爱北京天安门。", "今天天气很好！"])
        let words = try Self.words(segmenter, text)
        #expect(words == ["我", "爱", "北京", "天安门", "今天", "天气", "很好"])
        #expect(try segmenter.words(in: text).allSatisfy { $0.kind == .ideographic })
        let counts = try segmenter.counts(in: text)
        #expect(counts == TextCounts(characters: 15, words: 7, sentences: 2, lines: 1, paragraphs: 1))
    }

    @Test func japaneseMixesKanjiAndKana() throws {
        let segmenter = try Segmenter(locale: "ja")
        let text = "私は東京に住んでいます。毎朝コーヒーを飲みます。"
        #expect(try segmenter.sentences(in: text).count == 2)
        let words = try Self.words(segmenter, text)
        #expect(words.contains("東京"))
        #expect(words.contains("コーヒー"))
        #expect(words.joined() == "私は東京に住んでいます毎朝コーヒーを飲みます")  // only the 。 are left out
        #expect(words.count < text.count - 2)  // words, not single characters
    }

    @Test func thaiUsesTheDictionary() throws {
        let segmenter = try Segmenter(locale: "th")
        let text = "ภาษาไทยเป็นภาษาที่สวยงาม"
        let words = try segmenter.words(in: text)
        #expect(try Self.words(segmenter, text) == ["ภาษา", "ไทย", "เป็น", "ภาษา", "ที่", "สวยงาม"])
        #expect(words.allSatisfy { $0.kind == .letter })
    }

    @Test func abbreviationsFollowICU() throws {
        let text = "Mr. Jones met Dr. Smith. They talked."
        // Plain UAX #29 rules break after every period followed by a space and a capital.
        let plain = try Segmenter(locale: "en")
        #expect(
            try Self.pieces(text, plain.sentences(in: text)) == ["Mr. ", "Jones met Dr. ", "Smith. ", "They talked."])
        // ICU's English suppressions (`@ss=standard`) keep "Mr." (its list has no "Dr.",
        // which also ends sentences as "Drive").
        let suppressed = try Segmenter(locale: "en@ss=standard")
        #expect(
            try Self.pieces(text, suppressed.sentences(in: text)) == ["Mr. Jones met Dr. ", "Smith. ", "They talked."])
        let german = try Segmenter(locale: "de@ss=standard")
        let deText = "Dr. Müller kommt morgen. Er bleibt."
        #expect(try Self.pieces(deText, german.sentences(in: deText)) == ["Dr. Müller kommt morgen. ", "Er bleibt."])
    }

    @Test func countsLinesAndParagraphs() throws {
        let segmenter = try Segmenter()
        let text = "Title\n\nFirst paragraph. Two sentences.\nStill first.\n   \n\nSecond one\n"
        let counts = try segmenter.counts(in: text)
        #expect(counts.lines == 7)
        #expect(counts.paragraphs == 3)
        #expect(counts.sentences == 5)
        #expect(counts.words == 9)
        #expect(counts.characters == text.unicodeScalars.count)
        #expect(try segmenter.counts(in: "") == TextCounts())
        #expect(
            try segmenter.counts(in: "a\n")
                == TextCounts(characters: 2, words: 1, sentences: 1, lines: 1, paragraphs: 1))
        #expect(try segmenter.counts(in: "　\n \n").paragraphs == 0)  // U+3000 and space only
    }

    @Test func reusableAcrossDocuments() throws {
        let segmenter = try Segmenter()
        for _ in 0..<3 {
            #expect(try segmenter.words(in: "one two").count == 2)
            #expect(try segmenter.words(in: "").isEmpty)
            #expect(try segmenter.sentences(in: "").isEmpty)
            #expect(try segmenter.sentences(in: "A. B.").count == 2)
        }
    }

    @Test func wordCountMatchesWords() throws {
        let segmenter = try Segmenter()
        let text = "Hello, 世界! 私は東京に住んでいます。ภาษาไทย 42 times."
        let bytes = Array(text.utf8)
        let count = try bytes.withUnsafeBytes { try segmenter.wordCount(in: $0) }
        #expect(count == (try segmenter.words(in: text).count))
    }

    /// A 10 MB document on one line: must finish (linear time) with the right counts.
    @Test func tenMegabyteSingleLine() throws {
        let sentence = "The quick brown fox jumps over the lazy dog again. "  // 10 words, 51 bytes
        let repeats = 10_000_000 / sentence.utf8.count
        let bytes = Array(String(repeating: sentence, count: repeats).utf8)
        let segmenter = try Segmenter(locale: "en")
        let counts = try bytes.withUnsafeBytes { try segmenter.counts(in: $0) }
        #expect(counts.words == repeats * 10)
        #expect(counts.sentences == repeats)
        #expect(counts.lines == 1)
        #expect(counts.paragraphs == 1)
        #expect(counts.characters == bytes.count)
        let ranges = try bytes.withUnsafeBytes { try segmenter.sentences(in: $0) }
        #expect(ranges.count == repeats)
        #expect(ranges.last?.upperBound == bytes.count)
    }

    /// The same for Chinese without any punctuation: one dictionary run of 10 MB.
    @Test func tenMegabyteChineseRun() throws {
        let phrase = "我们今天去北京看天安门"
        let repeats = 10_000_000 / phrase.utf8.count
        let bytes = Array(String(repeating: phrase, count: repeats).utf8)
        let segmenter = try Segmenter(locale: "zh")
        let counts = try bytes.withUnsafeBytes { try segmenter.counts(in: $0) }
        #expect(counts.sentences == 1)
        #expect(counts.words >= repeats * 4 && counts.words <= repeats * 11)
    }
}
