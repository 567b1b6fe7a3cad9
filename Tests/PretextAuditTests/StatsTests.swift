import Foundation
import Testing

@testable import PretextAudit

/// PMI, nPMI, skew and disparity on tiny corpora whose values were computed by hand.
@Suite struct StatsTests {
    /// Six sentences: "she is a nurse", "he is an engineer", "she is an engineer",
    /// "the nurse helped him", "a quiet day", "she was a nurse" (23 words).
    private func corpus(_ sentences: ArraySlice<(Int, [String], [String])>? = nil) -> CooccurrenceCounts {
        let all: [(Int, [String], [String])] = [
            (4, ["gender/female"], ["nurse"]), (4, ["gender/male"], ["engineer"]),
            (4, ["gender/female"], ["engineer"]), (4, ["gender/male"], ["nurse"]), (3, [], []),
            (4, ["gender/female"], ["nurse"]),
        ]
        let named = NamedObservations(groups: ["gender/female", "gender/male"], context: ["nurse", "engineer"])
        return named.tally([named.document(Array(sentences ?? all[...]))]).counts.cooccurrence
    }

    private func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-5 } ?? false }

    @Test func textbookPMIAndNPMI() throws {
        let counts = corpus()
        #expect(counts.sentences == 6 && counts.groupSentences["gender/female"] == 3)
        // ln((2/6) / (3/6 · 3/6)) = ln(4/3); nPMI divides by −ln(2/6).
        let femaleNurse = try #require(Association.scores(group: "gender/female", word: "nurse", in: counts))
        #expect(close(femaleNurse.pmi, 0.287682) && close(femaleNurse.npmi, 0.261860))
        let maleNurse = try #require(Association.scores(group: "gender/male", word: "nurse", in: counts))
        #expect(close(maleNurse.pmi, 0) && close(maleNurse.npmi, 0))
        let maleEngineer = try #require(Association.scores(group: "gender/male", word: "engineer", in: counts))
        #expect(close(maleEngineer.pmi, 0.405465) && close(maleEngineer.npmi, 0.226294))
        #expect(Association.scores(group: "age/old", word: "nurse", in: counts) == nil)
    }

    @Test func neverTogetherIsMinusOne() throws {
        let named = NamedObservations(groups: ["a"], context: ["w"])
        let counts = named.tally([named.document([(3, ["a"], []), (3, [], ["w"])])]).counts.cooccurrence
        let scores = try #require(Association.scores(group: "a", word: "w", in: counts))
        #expect(scores.pmi == -.infinity && scores.npmi == -1)
    }

    @Test func dataMeasurementsToolVariant() throws {
        let scores = try #require(
            Association.scores(group: "gender/female", word: "nurse", in: corpus(), variant: .dmt))
        // ln((2/3) / (3/23)) = ln(46/9); nPMI divides by −ln((2/3) · (3/23)).
        #expect(close(scores.pmi, 1.631417) && close(scores.npmi, 0.667970))
    }

    @Test func smoothedLogRatioSkew() {
        // female: (2 + 1) / (3 + 2) = 0.6; male: (1 + 1) / (2 + 2) = 0.5; ln(1.2).
        let skew = Skew.logRatio(
            word: "nurse", a: "gender/female", b: "gender/male", words: ["nurse", "engineer"], counts: corpus())
        #expect(close(skew, 0.182322))
        let reverse = Skew.logRatio(
            word: "nurse", a: "gender/male", b: "gender/female", words: ["nurse", "engineer"], counts: corpus())
        #expect(close(reverse, -0.182322))
    }

    @Test func mergingPartialCountsEqualsOnePass() {
        let all = corpus()
        var merged = corpus(
            [
                (4, ["gender/female"], ["nurse"]), (4, ["gender/male"], ["engineer"]),
                (4, ["gender/female"], ["engineer"]),
            ])
        merged.merge(corpus([(4, ["gender/male"], ["nurse"]), (3, [], []), (4, ["gender/female"], ["nurse"])]))
        #expect(merged == all)
    }

    @Test func aBiasedFilterIsFlaggedAndAnEvenOneIsNot() {
        // 1,000 documents, 100 dropped; 100 mention the group and 40 of those were dropped.
        let biased = Disparity(groupDocuments: 100, groupDropped: 40, documents: 1000, dropped: 100)
        #expect(close(biased.groupRate, 0.4) && close(biased.restRate, 60.0 / 900) && close(biased.baselineRate, 0.1))
        #expect(close(biased.z, (0.4 - 60.0 / 900) / (0.09 * (1.0 / 100 + 1.0 / 900)).squareRoot()))
        #expect(biased.isFlagged && biased.pValue < 1e-6 && biased.interval.lowerBound > 0)
        let even = Disparity(groupDocuments: 100, groupDropped: 10, documents: 1000, dropped: 100)
        #expect(close(even.difference, 0) && !even.isFlagged && even.interval.contains(0))
        let small = Disparity(groupDocuments: 10, groupDropped: 9, documents: 1000, dropped: 100)
        #expect(!small.isFlagged, "groups under 30 documents are never flagged")
    }
}

/// Representation counts, rates and merging of `AuditCounts`, counted by `AuditTally`.
@Suite struct AuditCountsTests {
    private let named = NamedObservations(
        groups: ["gender/female", "gender/male", "ethnicity/hui"], context: ["nurse", "teacher"])

    private var documents: [DocumentObservation] {
        [
            named.document(
                language: "en", source: "web", bytes: 100, [(4, ["gender/female"], ["nurse"]), (6, [], [])],
                pronouns: ["female", "female"], offensive: ["mild"], pii: [("email", 1)]),
            named.document(
                language: "en", source: "news", bytes: 3000, [(10, ["gender/male", "gender/male"], [])],
                pronouns: ["male"]),
            named.document(
                language: "zh", source: "news", bytes: 50, [(5, ["ethnicity/hui"], ["teacher"])], pronouns: ["female"]),
        ]
    }

    @Test func countsRatesAndRatios() {
        let counts = named.tally(documents).counts
        #expect(
            counts.documents["all"] == 3 && counts.documents["lang:en"] == 2 && counts.documents["source:news"] == 2)
        #expect(counts.words["all"] == 25)
        #expect(counts.groupMentions[.init("all", "gender/male")] == 2)
        #expect(counts.groupDocuments[.init("all", "gender/male")] == 1)
        // 2 mentions in 25 words → 80,000 per million; 1 of 3 documents.
        #expect(counts.perMillionWords(group: "gender/male") == 80_000)
        #expect(abs(counts.documentFrequency(group: "gender/male") - 1.0 / 3) < 1e-12)
        #expect(counts.pronounRatio("female", to: "male") == 3)
        #expect(counts.pronounRatio("female", to: "male", slice: "lang:zh") == nil)
        #expect(counts.offensiveDocuments["all"] == 1 && counts.piiMentions[.init("source:web", "email")] == 1)
        #expect(counts.piiDocuments["all"] == 1 && counts.piiDocuments["source:news"] == 0)
        // ⌊log2 100⌋ = 6, ⌊log2 3000⌋ = 11, ⌊log2 50⌋ = 5.
        #expect(counts.lengthBuckets[.init("all", "6")] == 1 && counts.lengthBuckets[.init("all", "11")] == 1)
        #expect(counts.cooccurrence.sentences == 4 && counts.cooccurrence.tokens == 25)
        #expect(
            counts.cooccurrence.groupTokens["gender/male"] == 2
                && counts.cooccurrence.groupSentences["gender/male"] == 1)
        #expect(counts.cooccurrence.pairSentences[.init(group: "ethnicity/hui", word: "teacher")] == 1)
    }

    @Test func partialCountsMergeToTheSinglePass() {
        let single = named.tally(documents)
        var first = named.tally([documents[0]])
        first.merge(named.tally([documents[1], documents[2]]))
        #expect(first == single)
    }

    @Test func aSentenceCountsEachKeyOnceAndEachMentionAsAToken() {
        let named = NamedObservations(groups: ["g"], context: ["w", "v"])
        let counts = named.tally([named.document([(5, ["g", "g"], ["w", "w", "v"]), (2, ["g"], [])])]).counts
        #expect(counts.cooccurrence.groupSentences["g"] == 2 && counts.cooccurrence.groupTokens["g"] == 3)
        #expect(counts.cooccurrence.wordSentences["w"] == 1 && counts.cooccurrence.wordTokens["w"] == 2)
        #expect(counts.cooccurrence.pairSentences[.init(group: "g", word: "w")] == 1)
        #expect(counts.groupDocuments[.init("all", "g")] == 1 && counts.groupMentions[.init("all", "g")] == 3)
    }
}

/// What each step saw, derived from survivors and drops.
@Suite struct DropCountsTests {
    @Test func eachStepSeesTheSurvivorsAndTheLaterDrops() {
        let named = NamedObservations(groups: ["religion/muslim"])
        var tally = AuditTally(keys: named.keys)
        for _ in 0..<60 { tally.add(named.mentioning([])) }
        for _ in 0..<40 { tally.add(named.mentioning(["religion/muslim"])) }
        // Step 04-quality drops 30 documents mentioning the group and 10 others; step 05 drops 10 others.
        for _ in 0..<30 { tally.addDropped(named.mentioning(["religion/muslim"]), step: "04-quality") }
        for _ in 0..<10 { tally.addDropped(named.mentioning([]), step: "04-quality") }
        for _ in 0..<10 { tally.addDropped(named.mentioning([]), step: "05-dedupe") }
        let counts = tally.partial().drops
        #expect(counts.steps == ["04-quality", "05-dedupe"])
        let quality = counts.disparity(group: "religion/muslim", step: "04-quality")
        // Quality saw 100 + 40 + 10 = 150 documents, 70 with the group; dropped 30 of those 70.
        #expect(quality.documents == 150 && quality.groupDocuments == 70 && quality.groupDropped == 30)
        #expect(quality.dropped == 40 && quality.isFlagged)
        let dedupe = counts.disparity(group: "religion/muslim", step: "05-dedupe")
        #expect(dedupe.documents == 110 && dedupe.groupDocuments == 40 && dedupe.groupDropped == 0)
    }
}

/// Partial counts travel between ranks as JSON.
@Suite struct CountsCodingTests {
    @Test func countsRoundTripThroughJSON() throws {
        let named = NamedObservations(groups: ["gender/female"], context: ["nurse"])
        var tally = AuditTally(keys: named.keys)
        tally.add(
            named.document(language: "zh", bytes: 10, [(3, ["gender/female"], ["nurse"])], pronouns: ["female"]))
        tally.addDropped(named.mentioning(["gender/female"]), step: "04-quality")
        let partial = tally.partial()
        let data = try JSONEncoder().encode(partial)
        let decoded = try JSONDecoder().decode(AuditPartial.self, from: data)
        #expect(decoded == partial && decoded.counts.documents["all"] == 1)
    }
}
