import PretextCore
import Testing

@testable import PretextText

@Suite struct UnicodeNormalizerTests {
    @Test func nfcComposesCombiningAccent() throws {
        let text = try UnicodeNormalizer(form: .nfc).normalize("e\u{301}t\u{E9}")
        #expect(Array(text.unicodeScalars) == Array("\u{E9}t\u{E9}".unicodeScalars))
    }

    @Test func nfcComposesAcrossTheASCIIBoundary() throws {
        // An ASCII letter followed by a combining mark must still compose.
        let text = try UnicodeNormalizer(form: .nfc).normalize(String(repeating: "x", count: 100) + "e\u{301}")
        #expect(text.unicodeScalars.last == "\u{E9}")
        #expect(text.unicodeScalars.count == 101)
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
        #expect(try nfkc.normalize("ﬁ①") == "fi1")
    }

    @Test func nfcKeepsCJKPunctuation() throws {
        #expect(try UnicodeNormalizer(form: .nfc).normalize("你好，世界！") == "你好，世界！")
        #expect(try UnicodeNormalizer(form: .nfc).normalize("ＡＢＣ") == "ＡＢＣ")
    }

    @Test(arguments: UnicodeNormalizer.Form.allCases)
    func asciiIsUnchanged(form: UnicodeNormalizer.Form) throws {
        let ascii = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        #expect(try UnicodeNormalizer(form: form).normalize(ascii) == ascii)
        #expect(try UnicodeNormalizer(form: form).isNormalized(ascii))
    }

    @Test(arguments: UnicodeNormalizer.Form.allCases)
    func byteAPIMatchesStringAPIAndReusesBuffer(form: UnicodeNormalizer.Form) throws {
        let normalizer = UnicodeNormalizer(form: form)
        var output: [UInt8] = []
        // Long, short, empty, and text that grows a lot (U+FDFA becomes 18 characters in NFKD).
        let texts = [String(repeating: "Ǆ\u{FDFA}e\u{301}가", count: 500), "x", "", "ｶﾞ\u{FDFA}", "plain ascii"]
        for text in texts {
            try Array(text.utf8).withUnsafeBytes { try normalizer.normalize(utf8: $0, into: &output) }
            #expect(output == Array(try normalizer.normalize(text).utf8))
            #expect(try normalizer.isNormalized(String(decoding: output, as: UTF8.self)))
        }
    }

    @Test func isNormalizedAgreesWithNormalize() throws {
        let nfc = UnicodeNormalizer(form: .nfc)
        #expect(try nfc.isNormalized("caf\u{E9}"))
        #expect(try !nfc.isNormalized("cafe\u{301}"))
    }

    @Test func illFormedUTF8DoesNotCrash() throws {
        let bytes: [UInt8] = [0x61, 0xFF, 0x65, 0xCC, 0x81, 0xC3]
        var output: [UInt8] = []
        try bytes.withUnsafeBytes { try UnicodeNormalizer(form: .nfc).normalize(utf8: $0, into: &output) }
        #expect(output.first == 0x61)
    }

    @Test func reportsICUVersion() {
        #expect(UnicodeNormalizer.icuVersion.hasPrefix("72."))
    }
}
