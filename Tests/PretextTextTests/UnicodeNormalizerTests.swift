import Testing

@testable import PretextText

@Suite struct UnicodeNormalizerTests {
    @Test func nfcComposesCombiningAccent() throws {
        let text = try UnicodeNormalizer(form: .nfc).normalize("e\u{301}t\u{E9}")
        #expect(Array(text.unicodeScalars) == Array("\u{E9}t\u{E9}".unicodeScalars))
    }

    @Test func nfdDecomposes() throws {
        let text = try UnicodeNormalizer(form: .nfd).normalize("\u{E9}")
        #expect(Array(text.unicodeScalars) == ["e", "\u{301}"])
    }

    @Test func nfkcFoldsFullWidthAndCJKPunctuation() throws {
        let nfkc = UnicodeNormalizer(form: .nfkc)
        #expect(try nfkc.normalize("ＡＢＣ１２３") == "ABC123")
        #expect(try nfkc.normalize("你好，世界！") == "你好,世界!")
        #expect(try nfkc.normalize("ｶﾀｶﾅ") == "カタカナ")
    }

    @Test func nfcKeepsCJKPunctuation() throws {
        #expect(try UnicodeNormalizer(form: .nfc).normalize("你好，世界！") == "你好，世界！")
    }

    @Test func isNormalizedAgreesWithNormalize() throws {
        let nfc = UnicodeNormalizer(form: .nfc)
        #expect(try nfc.isNormalized("caf\u{E9}"))
        #expect(try !nfc.isNormalized("cafe\u{301}"))
    }

    @Test func reportsICUVersion() {
        #expect(UnicodeNormalizer.icuVersion.first?.isNumber == true)
    }
}
