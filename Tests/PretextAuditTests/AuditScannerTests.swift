import Testing

@testable import PretextAudit

/// The scanner on the bundled lexicons: roles, sentences, and exclusions hiding pronouns.
@Suite struct AuditScannerTests {
    private static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    private func scanner() throws -> AuditScanner {
        let set = try LexiconSet.load(directory: Self.root + "/lexicons")
        return try AuditScanner(terms: try AuditTerms(lexicons: set))
    }

    @Test func englishMentionsPronounsAndCooccurrence() throws {
        let observation = try scanner().observe(
            text: "She is a nurse. The weather was fine.\nHe met a Muslim engineer.", language: "en", source: "t")
        #expect(observation.pronouns.sorted() == ["female", "male"])
        #expect(observation.sentences.count == 2)
        #expect(observation.sentences[0].context == ["nurse"])
        #expect(observation.sentences[1].groups == ["religion/muslim"])
        #expect(observation.sentences[1].context == ["engineer"])
        #expect(observation.plainSentences == 1 && observation.plainWords == 4)
    }

    @Test func chineseExclusionsHideThePronounInside() throws {
        let scanner = try scanner()
        #expect(scanner.observe(text: "他是老师。", language: "zh", source: "t").pronouns == ["male"])
        #expect(scanner.observe(text: "她的朋友是护士。", language: "zh", source: "t").pronouns == ["female"])
        #expect(scanner.observe(text: "我们要尊重他人。", language: "zh", source: "t").pronouns.isEmpty)
        #expect(scanner.observe(text: "他乡遇故知。", language: "zh", source: "t").pronouns.isEmpty)
        #expect(scanner.observe(text: "其他的事情。", language: "zh", source: "t").pronouns.isEmpty)
    }
}
