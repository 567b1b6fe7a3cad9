import Foundation
import Testing

@testable import PretextTokenizer

/// Encoding and decoding with Unigram tokenizer files HF wrote (one plain, one with byte
/// fallback) gives HF's ids, tokens, offsets and decoded text on every probe.
@Suite struct UnigramGoldenTests {
    @Test(arguments: ["unigram-tokenizer.json", "unigram-bytefallback-tokenizer.json"])
    func encodingsMatchHF(_ file: String) throws {
        let tokenizer = try TokenizerFile.read(Golden.path(file))
        let probes = Golden.lines("unigram-encodings.jsonl").filter { $0["tokenizer"] as? String == file }
        #expect(probes.count > 40)
        for probe in probes {
            let text = probe["text"] as! String
            let encoding = tokenizer.encode(text)
            let label = String(text.prefix(30))
            #expect(encoding.ids == (probe["ids"] as! [Int]).map(UInt32.init), "\(label)")
            #expect(encoding.tokens == probe["tokens"] as! [String], "\(label)")
            let offsets = (probe["offsets"] as! [[Int]]).map { $0[0]..<$0[1] }
            #expect(encoding.offsets == offsets, "\(label)")
            #expect(tokenizer.decode(encoding.ids, skipSpecialTokens: false) == probe["decoded"] as! String, "\(label)")
        }
    }

    @Test(arguments: ["unigram-tokenizer.json", "unigram-bytefallback-tokenizer.json"])
    func writingGivesHFsFileBackByteForByte(_ file: String) throws {
        let tokenizer = try TokenizerFile.read(Golden.path(file))
        let original = try String(contentsOfFile: Golden.path(file), encoding: .utf8)
        #expect(TokenizerFile.json(tokenizer) == original)
    }

    @Test func floatsAreWrittenAsSerdeWritesThem() {
        let cases: [(Double, String)] = [
            (0, "0.0"), (-1.5, "-1.5"), (1, "1.0"), (-12.345678901234567, "-12.345678901234567"), (0.0001, "0.0001"),
            (0.00001, "0.00001"), (0.000001, "1e-6"), (-1.25e-7, "-1.25e-7"), (1e15, "1000000000000000.0"),
            (1e16, "1e16"), (123456.789, "123456.789"), (.nan, "null"),
        ]
        for (value, text) in cases { #expect(PrettyJSON.format(value) == text, "\(value)") }
    }
}
