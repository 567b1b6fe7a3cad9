import Dispatch
import Testing

@testable import PretextQuality

/// ICU dictionary words for the quality rules, in code-point offsets.
@Suite struct ICUWordSplitterTests {
    @Test func splitsChineseIntoDictionaryWordsAndCountsSentences() {
        let splitter = ICUWordSplitter()
        let text = QualityText("我爱北京天安门。今天天气很好！")
        let words = splitter.words(in: text).strings(in: text)
        #expect(Array(words.prefix(4)) == ["我", "爱", "北京", "天安门"])
        #expect(!words.contains("。") && !words.contains("！"))
        #expect(splitter.sentenceCount(text.scalars, range: 0..<text.count) == 2)
    }

    @Test func offsetsAreCodePointsEvenAfterMultiByteText() {
        let splitter = ICUWordSplitter()
        let text = QualityText("😀 hello 世界")
        let words = splitter.words(in: text)
        #expect(words.strings(in: text) == ["hello", "世界"])
        #expect(words[0] == 2..<7)
        #expect(words[1] == 8..<10)
    }

    @Test func isSafeToShareAcrossThreads() {
        let splitter = ICUWordSplitter()
        let text = QualityText("图书馆每天早上九点开门，晚上六点关门。")
        let expected = splitter.words(in: text).strings(in: text)
        let results = (0..<32).map { _ in Box() }
        DispatchQueue.concurrentPerform(iterations: 32) { index in
            results[index].value = splitter.words(in: text).strings(in: text)
        }
        #expect(results.allSatisfy { $0.value == expected })
    }
}

/// A result slot written by exactly one iteration of `concurrentPerform`.
private final class Box: @unchecked Sendable {
    var value: [String] = []
}
