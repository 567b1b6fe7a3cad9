import Testing

@testable import PretextQuality

/// Keep/drop decisions must match datatrove 0.10 on fixtures/golden/quality-en.jsonl
/// (regenerate with scripts/golden/make-quality-golden.sh). Known differences are listed in
/// fixtures/golden/quality-en-known-differences.txt as "filter id" lines.
@Suite struct GoldenDecisionTests {
    static let families = ["gopher_quality", "gopher_repetition", "c4", "fineweb"]

    /// Our rule name for a datatrove drop reason.
    static func ruleName(_ family: String, _ reason: String) -> String {
        switch family {
        case "gopher_quality": return reason
        case "gopher_repetition": return reason == "empty" ? "gopher_repetition_empty" : "gopher_" + reason
        case "c4": return "c4_" + reason
        default: return "fineweb_" + reason
        }
    }

    @Test func decisionsMatchDatatrove() throws {
        let rows = try Golden.lines("quality-en.jsonl")
        let allow = try Golden.allowlist()
        let splitter = EnglishWordSplitter()
        let gq = GopherQualityRules()
        let gr = GopherRepetitionRules()
        let c4 = C4QualityRules()
        let fw = FineWebQualityRules()
        var agree = [String: Int]()
        var mismatches: [String] = []
        var wordCountMismatches = 0
        for row in rows {
            let id = row["id"] as? String ?? "?"
            let text = QualityText(row["text"] as? String ?? "")
            let words = splitter.words(in: text)
            if words.count != row["words"] as? Int { wordCountMismatches += 1 }
            let results = [
                "gopher_quality": gq.evaluate(text, words: words), "gopher_repetition": gr.evaluate(text, words: words),
                "c4": c4.evaluate(text, words: words), "fineweb": fw.evaluate(text, words: words),
            ]
            for family in Self.families {
                let golden = row[family] as? [String: Any] ?? [:]
                let keep = golden["keep"] as? Bool ?? true
                let expected = (golden["reason"] as? String).map { Self.ruleName(family, $0) }
                let got = results[family]!
                var ok = got.passed == keep && got.dropReason == expected
                if ok, family == "c4", keep, let t = golden["text"] as? String { ok = got.modifiedText == t }
                if ok {
                    agree[family, default: 0] += 1
                } else if !allow.contains("\(family) \(id)") {
                    mismatches.append(
                        "\(family) \(id): got \(got.dropReason ?? "keep"), datatrove \(expected ?? "keep")")
                }
            }
        }
        for family in Self.families {
            print("agreement \(family): \(agree[family, default: 0])/\(rows.count)")
        }
        print("word-count agreement: \(rows.count - wordCountMismatches)/\(rows.count)")
        for m in mismatches.prefix(40) { print("MISMATCH", m) }
        #expect(mismatches.isEmpty)
    }
}
