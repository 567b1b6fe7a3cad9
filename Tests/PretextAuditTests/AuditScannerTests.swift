import Testing

@testable import PretextAudit

/// The scanner on the bundled lexicons: roles, sentences, and exclusions hiding pronouns.
@Suite struct AuditScannerTests {
    private static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    private static let terms: AuditTerms? = try? AuditTerms(
        lexicons: LexiconSet.load(directory: root + "/lexicons"))

    private func scanner() throws -> AuditScanner {
        try AuditScanner(terms: try #require(Self.terms))
    }

    /// The observation's pronouns by name.
    private func pronouns(_ text: String, _ scanner: AuditScanner) throws -> [String] {
        let keys = try #require(Self.terms).keys
        return scanner.observe(text: text, language: "zh", source: "t").pronouns.map { keys.pronouns[Int($0)] }
    }

    @Test func englishMentionsPronounsAndCooccurrence() throws {
        let observation = try scanner().observe(
            text: "She is a nurse. The weather was fine.\nHe met a Muslim engineer.", language: "en", source: "t")
        let keys = try #require(Self.terms).keys
        #expect(observation.pronouns.map { keys.pronouns[Int($0)] }.sorted() == ["female", "male"])
        #expect(observation.sentences == 3 && observation.words == 13)
        #expect(observation.context.map { keys.context[Int($0.key)] } == ["nurse", "engineer"])
        #expect(observation.context.map(\.sentence) == [0, 2])
        #expect(observation.groups.map { keys.groups[Int($0.key)] } == ["religion/muslim"])
        #expect(observation.groups.map(\.sentence) == [2])
    }

    @Test func mentionsInOneSentenceShareIt() throws {
        let terms = try #require(Self.terms)
        let observation = try scanner().observe(
            text: "The elderly met an elderly friend. An elderly dog.", language: "en", source: "t")
        let old = try #require(terms.keys.group("age/old"))
        #expect(observation.groups.map(\.key) == [old, old, old])
        #expect(observation.groups.map(\.sentence) == [0, 0, 1])
        var tally = AuditTally(keys: terms.keys)
        tally.add(observation)
        #expect(tally.partial().counts.cooccurrence.groupSentences["age/old"] == 2)
    }

    @Test func thePIICountsAboveZeroAreKept() throws {
        let observation = try scanner().observe(
            text: "Nothing here.", language: "en", source: "t", pii: [("email", 2), ("phone", 0)])
        #expect(observation.pii.map(\.type) == ["email"] && observation.pii.map(\.count) == [2])
    }

    @Test func chineseExclusionsHideThePronounInside() throws {
        let scanner = try scanner()
        #expect(try pronouns("他是老师。", scanner) == ["male"])
        #expect(try pronouns("她的朋友是护士。", scanner) == ["female"])
        #expect(try pronouns("我们要尊重他人。", scanner).isEmpty)
        #expect(try pronouns("他乡遇故知。", scanner).isEmpty)
        #expect(try pronouns("其他的事情。", scanner).isEmpty)
    }
}
