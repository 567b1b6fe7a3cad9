import Testing

@testable import PretextAudit

/// Issue 17, case 9: the summary judges the filters only when some step's drops were read.
@Suite struct AuditSummaryTests {
    private static let named = NamedObservations(groups: ["gender/female", "gender/male"], context: ["nurse"])

    /// A corpus of 80 documents, 40 mentioning `gender/female`, with `drops` applied.
    private func summary(_ drops: (inout AuditTally) -> Void) -> String {
        var tally = AuditTally(keys: Self.named.keys)
        for _ in 0..<40 { tally.add(Self.named.mentioning(["gender/female"])) }
        for _ in 0..<40 { tally.add(Self.named.mentioning([])) }
        drops(&tally)
        let partial = tally.partial()
        let vocabulary = AuditVocabulary(
            groups: [("gender", "female"), ("gender", "male")], pairs: [("gender", "female", "male")],
            occupations: ["nurse"], descriptors: [])
        return AuditSummary.text(AuditReport(counts: partial.counts, drops: partial.drops, vocabulary: vocabulary))
    }

    @Test func noFiltersLineWithoutDrops() {
        let text = summary { _ in }
        #expect(text.contains("audit: 80 documents"))
        #expect(!text.contains("filters:") && !text.contains("FLAG"), "\(text)")
    }

    @Test func evenDropsSayNoGroupStandsOut() {
        let text = summary { tally in
            for _ in 0..<4 { tally.addDropped(Self.named.mentioning(["gender/female"]), step: "04-quality") }
            for _ in 0..<4 { tally.addDropped(Self.named.mentioning([]), step: "04-quality") }
        }
        #expect(text.contains("filters: no group dropped significantly more or less often than the rest"), "\(text)")
    }

    @Test func skewedDropsAreFlagged() {
        let text = summary { tally in
            for _ in 0..<30 { tally.addDropped(Self.named.mentioning(["gender/female"]), step: "04-quality") }
            for _ in 0..<5 { tally.addDropped(Self.named.mentioning([]), step: "04-quality") }
        }
        #expect(text.contains("FLAG 04-quality: gender/female dropped"), "\(text)")
        #expect(!text.contains("filters:"))
    }
}
