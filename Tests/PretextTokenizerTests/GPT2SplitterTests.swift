import Testing

@testable import PretextTokenizer

/// GPT-2's pattern, checked on pieces worked out by hand from the regex's alternatives.
@Suite struct GPT2SplitterTests {
    private func pieces(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { raw in
            var result: [String] = []
            GPT2Splitter.forEachPiece(UnsafeRawBufferPointer(raw)) { range in
                result.append(
                    String(
                        decoding: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(raw)[range]), as: UTF8.self))
            }
            return result
        }
    }

    @Test(arguments: [
        ("Hello world", ["Hello", " world"]),
        ("I'm  here\n\nnow ", ["I", "'m", " ", " here", "\n", "\n", "now", " "]),
        ("they've it's we'll I'd 'S", ["they", "'ve", " it", "'s", " we", "'ll", " I", "'d", " '", "S"]),
        ("$42,000!!", ["$", "42", ",", "000", "!!"]),
        ("a\t\tb", ["a", "\t", "\t", "b"]),
        ("   ", ["   "]),
        ("x  ", ["x", "  "]),
        ("你好，世界", ["你好", "，", "世界"]),
        ("2024年", ["2024", "年"]),
        ("café ok", ["café", " ok"]),
        ("?'s", ["?'", "s"]),
        ("😀 😀", ["😀", " 😀"]),
        ("", []),
    ])
    func splitsLikeTheRegex(_ text: String, _ expected: [String]) {
        #expect(pieces(text) == expected)
    }

    @Test func piecesCoverTheTextWithoutGaps() {
        let text = "Mixed 文字 and 123 numbers\u{00A0}with\u{3000}spaces — ok?! \n\t end"
        #expect(pieces(text).joined() == text)
    }
}
