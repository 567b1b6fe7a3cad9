import PretextAudit
import PretextCore
import PretextTestSupport
import Testing

/// Reading lexicon files: the format's details, normalization, and every error with its line.
@Suite struct LexiconLoaderTests {
    static let identity = "woman\tgender\tfemale\nman\tgender\tmale\n"

    @Test func optionalFilesMayBeMissing() throws {
        let directory = try TemporaryDirectory()
        try directory.write("xx/identity.tsv", Self.identity)
        let lexicon = try Lexicon.load(directory: directory.path, language: "xx")
        #expect(lexicon.identity.count == 2)
        #expect(lexicon.pronouns.isEmpty && lexicon.occupations.isEmpty && lexicon.descriptors.isEmpty)
        #expect(lexicon.offensive.isEmpty && lexicon.pairs.isEmpty)
    }

    @Test func readsEveryFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("xx/identity.tsv", Self.identity)
        try directory.write("xx/pronouns.tsv", "she\tfemale\nhe\tmale\n")
        try directory.write("xx/occupations.tsv", "nurses\tnurse\n")
        try directory.write("xx/descriptors.tsv", "kind\tkind\n")
        try directory.write("xx/offensive.tsv", "crap\tmild\n")
        try directory.write("xx/pairs.tsv", "gender\tfemale\tmale\n")
        let lexicon = try Lexicon.load(directory: directory.path + "/", language: "xx")
        #expect(lexicon.identity[0] == IdentityTerm(term: "woman", category: .gender, group: "female"))
        #expect(
            lexicon.pronouns == [LabeledTerm(term: "she", label: "female"), LabeledTerm(term: "he", label: "male")])
        #expect(lexicon.occupations == [LabeledTerm(term: "nurses", label: "nurse")])
        #expect(lexicon.descriptors == [LabeledTerm(term: "kind", label: "kind")])
        #expect(lexicon.offensive == [OffensiveTerm(term: "crap", severity: .mild)])
        #expect(lexicon.pairs == [GroupPair(category: .gender, groupA: "female", groupB: "male")])
    }

    @Test func skipsCommentsBlankLinesCRLFAndByteOrderMark() throws {
        let directory = try TemporaryDirectory()
        let text =
            "\u{FEFF}# a comment\r\n\r\n   \r\nwoman\tgender\tfemale  # trailing comment\r\n"
            + "  c#\t sexual_orientation \tlgbtq\r\n# man\tgender\tmale\n"
        try directory.write("xx/identity.tsv", text)
        let lexicon = try Lexicon.load(directory: directory.path, language: "xx")
        #expect(lexicon.identity.map(\.term) == ["woman", "c#"])
        #expect(lexicon.identity[1].category == .sexualOrientation)
        #expect(lexicon.identity[1].group == "lgbtq")
    }

    @Test func countsLinesAcrossCRLFAndComments() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("xx/identity.tsv", "# header\r\n\r\nwoman\tgender\tfemale\r\nman\tgender\r\n")
        let error = try #require(throws: PretextError.self) {
            try Lexicon.load(directory: directory.path, language: "xx")
        }
        #expect(error.path == path)
        #expect(error.line == 4)
    }

    @Test func normalizesTermsToLowercaseNFC() throws {
        let directory = try TemporaryDirectory()
        // "E" + combining acute (NFD), an upper-case Greek word, a sharp s, and runs of spaces.
        try directory.write(
            "xx/identity.tsv",
            "E\u{301}COLE\tgender\tfemale\nΟΔΥΣΣΕΥΣ\tgender\tmale\nẞ\tage\told\nHard   of  Hearing\tdisability\tdeaf\n")
        let terms = try Lexicon.load(directory: directory.path, language: "xx").identity.map(\.term)
        #expect(terms == ["\u{E9}cole", "οδυσσευσ", "ß", "hard of hearing"])
        #expect(terms[0].unicodeScalars.count == 5)
    }

    @Test func lowercasingThatDecomposesIsRecomposed() throws {
        // U+0130 lowercases to "i" + U+0307; NFC keeps that pair (no precomposed form exists),
        // and U+00C5 (Å) lowercases to the precomposed U+00E5.
        #expect(try LexiconTerm.normalize("\u{130}STANBUL").unicodeScalars.map(\.value).prefix(2) == [0x69, 0x307])
        #expect(try LexiconTerm.normalize("A\u{30A}LAND").unicodeScalars.first == "\u{E5}")
        #expect(try LexiconTerm.normalize(" 同性伴侶 ") == "同性伴侶")
        #expect(try LexiconTerm.normalize("Down\u{2019}s\tSyndrome") == "down's syndrome")
    }

    @Test func missingIdentityFileIsNotFound() throws {
        let directory = try TemporaryDirectory()
        try directory.write("xx/pronouns.tsv", "he\tmale\n")
        let error = try #require(throws: PretextError.self) {
            try Lexicon.load(directory: directory.path, language: "xx")
        }
        #expect(error.code == .notFound)
        #expect(error.path == directory.path + "/xx/identity.tsv")
    }

    @Test(arguments: ["", "../en", "en/zh", "."])
    func rejectsLanguageCodesThatAreNotNames(language: String) throws {
        let error = try #require(throws: PretextError.self) { try Lexicon.load(directory: "/tmp", language: language) }
        #expect(error.code == .invalidConfiguration)
    }

    @Test func setListsOnlyLanguagesWithIdentityFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.write("en/identity.tsv", Self.identity)
        try directory.write("zh-Hant/identity.tsv", "女性\tgender\tfemale\n")
        try directory.write("notes/README.md", "not a lexicon\n")
        #expect(try LexiconSet.availableLanguages(in: directory.path) == ["en", "zh-Hant"])
        let set = try LexiconSet.load(directory: directory.path)
        #expect(set.lexicon(for: "zh-Hant")?.identity.first?.term == "女性")
        #expect(set.lexicon(for: "en-GB")?.language == "en")
        #expect(throws: PretextError.self) { try LexiconSet.availableLanguages(in: directory.path + "/missing") }
    }
}
