import Testing

@testable import PretextQuality

/// Bad input must cost linear time and never crash (issue 3, "Bad input and limits").
@Suite struct PathologicalInputTests {
    let evaluator = QualityEvaluator()

    @Test func tenMegabyteSingleLineDocument() {
        // 10 MB on one line: heavy n-gram repetition, no newline.
        let unit = "buy cheap pills now, buy cheap pills now! "
        let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let results = evaluator.evaluate(text, language: "en")
        #expect(!results[1].passed)
    }

    @Test func tenMegabyteUnbrokenToken() {
        // One 10 MB "word" of punctuation and letters: the affix loop must stay linear.
        let text = String(repeating: "((a.b", count: 2_000_000) + String(repeating: ")", count: 100_000)
        let results = evaluator.evaluate(text, language: "en")
        #expect(results.count == 4)
    }

    @Test(arguments: ["", " ", "\n\n\n", "...", "#", "\u{0}\u{1}", "{", "é\u{301}"])
    func tinyInputsDoNotCrash(text: String) {
        for lang in ["en", "zh", nil] as [String?] {
            let results = evaluator.evaluate(text, language: lang)
            #expect(results.count == 4)
            #expect(!results[0].passed)
        }
    }
}
