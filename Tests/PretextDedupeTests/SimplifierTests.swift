import Testing

@testable import PretextDedupe

@Suite("Dedupe text simplifier")
struct SimplifierTests {
    private func simplify(_ text: String, _ normalization: DedupeNormalization = .datatrove) throws -> SimplifiedText {
        var simplifier = DedupeTextSimplifier(normalization: normalization)
        var output = SimplifiedText()
        try simplifier.simplify(text, into: &output)
        return output
    }

    private func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("datatrove's simplify_text on examples computed with datatrove 0.10.1")
    func datatroveExamples() throws {
        // Expected strings from datatrove.utils.text.simplify_text with its default config.
        let cases: [(String, String)] = [
            ("Hello, World!  It's 3.14 now", "hello world it s 0 now"),
            ("Café déjà-vu\tNAÏVE", "cafe deja vu naive"),
            ("Price: 1,000,000 dollars (approx.)", "price 0 0 dollars approx"),
            ("  \n Lots   of\n\nspace  ", "lots of space"),
            ("中文，测试。再见！", "中文 测试 再见"),
            ("Version 1.2.3 of x_y", "version 0 0 of x y"),
            ("٣٫١٤ and ١٢", "0 and 0"),
        ]
        for (input, expected) in cases {
            #expect(string(try simplify(input).text) == expected, "input: \(input)")
        }
    }

    @Test("CJK characters are single tokens; words are whitespace tokens")
    func tokens() throws {
        let output = try simplify("Hello 中文 big world")
        #expect(string(output.tokenText) == "hello 中 文 big world")
        #expect(output.tokenCount == 5)
        #expect(output.cjkTokens == 2)
        #expect(!output.isMostlyCJK)
        let tokens = (0..<output.tokenCount).map {
            string(Array(output.tokenText[Int(output.tokenStarts[$0])..<Int(output.tokenEnds[$0])]))
        }
        #expect(tokens == ["hello", "中", "文", "big", "world"])
        #expect(try simplify("我们今天去公园").isMostlyCJK)
    }

    @Test("steps can be switched off")
    func steps() throws {
        #expect(string(try simplify("A  b, 12!", .none).text) == "A  b, 12!")
        let lower = try DedupeNormalization(names: ["lowercase", "whitespace"])
        #expect(string(try simplify("A  b, 12!", lower).text) == "a b, 12!")
        #expect(throws: (any Error).self) { try DedupeNormalization(names: ["lower"]) }
    }

    @Test("empty and punctuation-only text has no tokens")
    func empty() throws {
        #expect(try simplify("").tokenCount == 0)
        let output = try simplify(" ... !!! ")
        #expect(output.tokenCount == 0)
        #expect(output.text.isEmpty)
    }

    @Test("the ASCII punctuation masks hold exactly datatrove's ASCII punctuation and controls")
    func asciiPunctuation() {
        let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.map(\.value))
        for value in UInt32(0)..<128 {
            let control = value < 9 || (11..<32).contains(value) || value == 127
            #expect(UnicodeClasses.isPunctuation(value) == (control || punctuation.contains(value)), "\(value)")
        }
        #expect(UnicodeClasses.isPunctuation(0x3002) && UnicodeClasses.isPunctuation(0x85))
        #expect(!UnicodeClasses.isPunctuation(0x2018) && !UnicodeClasses.isPunctuation(0x4E00))
    }
}
