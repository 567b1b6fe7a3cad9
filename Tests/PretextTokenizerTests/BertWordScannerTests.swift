import Testing

@testable import PretextTokenizer

/// The one-pass BERT word scanner (WordPiece's word counting) against the plain normalizer and
/// pre-tokenizer, for every setting.
@Suite struct BertWordScannerTests {
    /// The fixture corpus, the encoding probes, and generated strings over a mix of scripts,
    /// marks, controls, whitespace and punctuation (seeded, so a failure repeats).
    private static let texts: [String] = {
        var texts = Golden.corpus + Golden.lines("encodings.jsonl").map { $0["text"] as! String }
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "É", "é", "ǅ", "ß", "İ", "Ω", "ﬁ", "Å", "\u{301}", "\u{0}", "\u{7F}", "\u{B}", "\u{C}", "\t",
            "\n", "\r", " ", "\u{A0}", "\u{2028}", "\u{3000}", "\u{200B}", "\u{FEFF}", "\u{FFFD}", "\u{E000}", "!",
            "-", "'", "。", "「", "¿", "東", "京", "ア", "한", "ｶ", "Ⅻ", "😀", "\u{1D400}", "\u{20000}", "\u{E0001}",
            "Я", "ў", "ا", "\u{64B}", "क", "\u{94D}", "1", "٣",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var text = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 58) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            texts.append(String(text))
        }
        return texts
    }()

    @Test(arguments: [
        BertNormalizer(), BertNormalizer(lowercase: false), BertNormalizer(stripAccents: true, lowercase: false),
        BertNormalizer(stripAccents: false), BertNormalizer(cleanText: false, handleChineseCharacters: false),
        BertNormalizer(cleanText: false, stripAccents: true, lowercase: false),
    ])
    func wordsEqualThePlainNormalizerAndPreTokenizer(_ normalizer: BertNormalizer) {
        var scanner = BertWordScanner(normalizer: normalizer)
        for text in Self.texts {
            var words: [String] = []
            scanner.forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
            #expect(words == WordPieceTrainer.words(of: text, normalizer: normalizer), "\(text.debugDescription)")
        }
    }

    @Test func everyBMPCharacterIsClassedAsThePlainPredicatesClassIt() {
        for value in UInt32(0x80)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let flags = CharacterFlags.of(value)
            #expect(flags.contains(.whitespace) == BertNormalizer.isWhitespace(scalar))
            #expect(flags.contains(.punctuation) == BertPreTokenizer.isPunctuation(scalar))
            #expect(flags.contains(.control) == BertNormalizer.isControl(scalar))
        }
    }
}
