import Foundation
import Testing

@testable import PretextTokenizer

/// tiktoken's cl100k pattern: pieces worked out by hand from the regex's alternatives, and the
/// pieces HF's `Split` gives (`cl100k-pieces.jsonl`).
@Suite struct CL100KSplitterTests {
    private func pieces(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { raw in
            let bytes = UnsafeRawBufferPointer(raw)
            var result: [String] = []
            CL100KSplitter.forEachPiece(bytes) { range in
                result.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
            }
            return result
        }
    }

    @Test(arguments: [
        ("Hello world", ["Hello", " world"]),
        ("I'm  here\n\nnow ", ["I", "'m", " ", " here", "\n\n", "now", " "]),
        // Contractions in any case, `ſ` folding to s; after a space the apostrophe is punctuation.
        ("they'VE IT'S x'ſa 'Sa", ["they", "'VE", " IT", "'S", " x", "'ſ", "a", " '", "Sa"]),
        ("don'tcha o'Clock", ["don", "'t", "cha", " o", "'Clock"]),
        // A letter run takes the one non-letter before it, a tab or an apostrophe too.
        ("\tword 'quoted' x", ["\tword", " '", "quoted", "'", " x"]),
        ("12345678 2024年", ["123", "456", "78", " ", "202", "4", "年"]),
        ("$42,000!!\n\n", ["$", "42", ",", "000", "!!\n\n"]),
        // Whitespace: up to the last CR or LF of the run, else all but the last before a word.
        ("  \n\n  x", ["  \n\n", " ", " x"]),
        (" \r\n \t y", [" \r\n", " \t", " y"]),
        ("a \n b", ["a", " \n", " b"]),
        ("x\t\ty", ["x", "\t", "\ty"]),
        (" ?!\n\n\r z", [" ?!\n\n\r", " z"]),
        ("\u{A0}\u{A0}a", ["\u{A0}", "\u{A0}a"]),
        ("  123", [" ", " ", "123"]),
        ("\t!", ["\t", "!"]),
        ("a  ", ["a", "  "]),
        ("é\u{301}x", ["é", "\u{301}x"]),
        ("😀 😀", ["😀", " 😀"]),
        ("", []),
    ])
    func splitsLikeTheRegex(_ text: String, _ expected: [String]) {
        #expect(pieces(text) == expected)
    }

    @Test func piecesAreHFsSplit() throws {
        let rows = try Self.goldenPieces()
        #expect(rows.count > 400)
        for row in rows {
            #expect(pieces(row.text) == row.pieces, "\(row.text.unicodeScalars.map(\.value))")
        }
    }

    /// One line of `cl100k-pieces.jsonl`.
    private struct Row: Decodable {
        var text: String
        var pieces: [String]
    }

    /// The golden pieces, read with `JSONDecoder`: `JSONSerialization` (swift-corelibs-foundation)
    /// drops a U+FEFF that starts a string or follows an escape, and the random texts have some.
    private static func goldenPieces() throws -> [Row] {
        let text = try String(contentsOfFile: Golden.path("cl100k-pieces.jsonl"), encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
    }
}
