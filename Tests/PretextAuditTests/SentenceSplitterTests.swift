import Testing

@testable import PretextAudit

/// Sentences and their word counts, in one pass.
@Suite struct SentenceSplitterTests {
    private func split(_ text: String) -> [(String, Int)] {
        var copy = text
        return copy.withUTF8 { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var result: [(String, Int)] = []
            SentenceSplitter.forEachSentence(in: raw) { range, words in
                result.append((String(decoding: raw[range], as: UTF8.self), words))
            }
            return result
        }
    }

    @Test func englishSentencesEndAtStopsAndLineBreaks() {
        let sentences = split("She is a nurse. He is an engineer!  Why?\nNew line without stop")
        // A line break right after a stop is a sentence of its own, with no words (skipped by the scanner).
        #expect(
            sentences.map(\.0) == ["She is a nurse.", " He is an engineer!", "  Why?", "\n", "New line without stop"])
        #expect(sentences.map(\.1) == [4, 4, 1, 0, 4])
        #expect(split("a.b.c").map(\.1) == [3], "a stop without a space does not end a sentence")
    }

    @Test func chineseCharactersAreWordsAndPunctuationIsNot() {
        let sentences = split("她是一名护士。他是工程师！真的吗？好的；再见")
        #expect(sentences.map(\.0) == ["她是一名护士。", "他是工程师！", "真的吗？", "好的；", "再见"])
        #expect(sentences.map(\.1) == [6, 5, 3, 2, 2])
        #expect(split("Mixed 中文 text, «quotes» é. End.").map(\.1) == [6, 1])
        #expect(split("").isEmpty && split("...").map(\.1) == [0])
    }
}
