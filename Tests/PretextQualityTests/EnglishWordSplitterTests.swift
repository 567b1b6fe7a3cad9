import Testing

@testable import PretextQuality

@Suite struct EnglishWordSplitterTests {
    let splitter = EnglishWordSplitter()

    @Test func contractionsAndAbbreviations() {
        #expect(
            splitter.words(in: "I don't think Mr. Smith can't go.") == [
                "I", "do", "n't", "think", "Mr.", "Smith", "ca", "n't", "go", ".",
            ])
        #expect(splitter.words(in: "(e.g. this)") == ["(", "e.g.", "this", ")"])
        #expect(
            splitter.words(in: "well-known 10km https://example.com/a") == [
                "well", "-", "known", "10", "km", "https://example.com/a",
            ])
    }

    /// Every tokenizer case in the golden file matches spaCy's tokens and sentence count.
    @Test func matchesSpacyGolden() throws {
        let rows = try Golden.lines("spacy-en-tokens.jsonl")
        var tokenMismatches: [String] = []
        var sentenceMismatches: [String] = []
        for row in rows {
            let text = row["text"] as? String ?? ""
            let expected = row["words"] as? [String] ?? []
            let got = splitter.words(in: text)
            if got != expected {
                let k =
                    (0..<min(got.count, expected.count)).first { got[$0] != expected[$0] }
                    ?? min(got.count, expected.count)
                let diff =
                    "\(got[max(0, k - 3)..<min(got.count, k + 3)]) vs \(expected[max(0, k - 3)..<min(expected.count, k + 3)])"
                tokenMismatches.append("\(text.prefix(60).debugDescription): \(diff)")
            }
            let qt = QualityText(text)
            let sentences = splitter.sentenceCount(qt.scalars, range: 0..<qt.count)
            if sentences != row["sentences"] as? Int ?? -1 {
                sentenceMismatches.append(
                    "\(text.prefix(60).debugDescription): \(sentences) vs \(row["sentences"] ?? "")")
            }
        }
        print(
            "tokenizer agreement: \(rows.count - tokenMismatches.count)/\(rows.count); sentences \(rows.count - sentenceMismatches.count)/\(rows.count)"
        )
        for m in tokenMismatches.prefix(30) { print("TOKENS", m) }
        for m in sentenceMismatches.prefix(30) { print("SENTS", m) }
        #expect(tokenMismatches.isEmpty)
        #expect(sentenceMismatches.isEmpty)
    }
}
