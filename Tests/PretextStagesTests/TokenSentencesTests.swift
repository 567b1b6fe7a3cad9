import Testing

@testable import PretextStages

/// Sentence bounds move from UTF-8 bytes to token positions (the `tokenize` stage's
/// `token_sentence_bounds`).
@Suite struct TokenSentencesTests {
    @Test func aTokenBelongsToTheSentenceOfItsLastCharacter() {
        // "ab. cd": sentences "ab. " and "cd"; the byte-level token " cd" starts in the first.
        let ranges = TokenSentences.ranges(
            sentences: [0..<4, 4..<6], text: "ab. cd", offsets: [0..<2, 2..<3, 3..<6])
        #expect(ranges == [0..<2, 2..<3])
    }

    @Test func multiByteTextIsCountedInScalars() {
        // "你好。再见": 3 bytes a character; sentences of 3 and 2 characters.
        let ranges = TokenSentences.ranges(
            sentences: [0..<9, 9..<15], text: "你好。再见", offsets: [0..<1, 1..<2, 2..<3, 3..<4, 4..<5])
        #expect(ranges == [0..<3, 3..<5])
        #expect(TokenSentences.scalarOffsets(of: [0, 3, 9, 15, 20], in: "你好。再见") == [0, 1, 3, 5, 5])
    }

    @Test func sentencesWithoutATokenAreLeftOutAndGapsJoinTheSentenceBefore() {
        // Three sentences; the middle one ("  ") gets no token; tokens between trimmed
        // sentences stay with the one before.
        let ranges = TokenSentences.ranges(
            sentences: [0..<2, 2..<4, 4..<6], text: "ab  cd", offsets: [0..<1, 1..<2, 4..<5, 5..<6])
        #expect(ranges == [0..<2, 2..<4])
        #expect(TokenSentences.ranges(sentences: [0..<3], text: "abc", offsets: []) == [])
    }
}
