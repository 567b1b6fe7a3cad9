import PretextAudit
import PretextCore
import Testing

/// The lexicons shipped in the repository's `lexicons/` directory load and cover every category.
@Suite struct LexiconBundledTests {
    /// `Tests/PretextAuditTests/LexiconBundledTests.swift` → the repository root → `lexicons`.
    static let directory: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/lexicons"
    }()

    static let languages = ["en", "ja", "zh"]

    @Test func findsTheBundledLanguages() throws {
        #expect(try LexiconSet.availableLanguages(in: Self.directory) == Self.languages)
        let set = try LexiconSet.load(directory: Self.directory)
        #expect(set.languages == Self.languages)
    }

    @Test(arguments: languages)
    func everyCategoryHasTerms(language: String) throws {
        let lexicon = try Lexicon.load(directory: Self.directory, language: language)
        #expect(lexicon.language == language)
        for category in IdentityCategory.allCases {
            #expect(lexicon.groups[category]?.isEmpty == false, "\(language): no terms for \(category)")
        }
    }

    @Test(arguments: languages)
    func everyListIsFilled(language: String) throws {
        let lexicon = try Lexicon.load(directory: Self.directory, language: language)
        #expect(Set(lexicon.pronouns.map(\.label)).isSuperset(of: ["male", "female"]))
        #expect(Set(lexicon.occupations.map(\.label)).count >= 60)
        #expect(Set(lexicon.descriptors.map(\.label)).count >= 40)
        #expect(lexicon.offensive.count >= 20)
        #expect(lexicon.offensive.contains { $0.severity == .mild })
        #expect(lexicon.offensive.contains { $0.severity == .strong })
        #expect(lexicon.pairs.contains(GroupPair(category: .gender, groupA: "female", groupB: "male")))
        #expect(lexicon.pairs.contains(GroupPair(category: .age, groupA: "young", groupB: "old")))
    }

    @Test(arguments: languages)
    func termsAreStoredNormalized(language: String) throws {
        let lexicon = try Lexicon.load(directory: Self.directory, language: language)
        let terms =
            lexicon.identity.map(\.term) + lexicon.pronouns.map(\.term) + lexicon.occupations.map(\.term)
            + lexicon.descriptors.map(\.term) + lexicon.offensive.map(\.term)
        for term in terms {
            #expect(try LexiconTerm.normalize(term) == term)
        }
    }

    /// Labels are shared across languages, so a Chinese or Japanese occupation or descriptor
    /// compares with its English counterpart.
    @Test(arguments: ["zh", "ja"])
    func labelsExistInEnglish(language: String) throws {
        let set = try LexiconSet.load(directory: Self.directory, languages: Self.languages)
        let en = try #require(set.lexicons["en"])
        let other = try #require(set.lexicons[language])
        #expect(Set(other.occupations.map(\.label)).isSubset(of: Set(en.occupations.map(\.label))))
        #expect(Set(other.descriptors.map(\.label)).isSubset(of: Set(en.descriptors.map(\.label))))
    }

    /// Terms the fixture corpus uses (fixtures/README.md, "Bias audit") are in the lexicons.
    @Test(arguments: [
        ("en", "muslim", "religion/muslim"), ("en", "sikh", "religion/sikh"), ("en", "catholic", "religion/christian"),
        ("en", "ghanaian", "nationality/ghanaian"), ("en", "teenagers", "age/young"),
        ("en", "hard of hearing", "disability/hard_of_hearing"),
        ("en", "wheelchair users", "disability/wheelchair_user"),
        ("en", "autistic", "disability/autistic"), ("en", "lesbian", "sexual_orientation/lesbian"),
        ("en", "grandmother", "gender/female"), ("zh", "回族", "ethnicity/hui"), ("zh", "维吾尔族", "ethnicity/uyghur"),
        ("zh", "哈萨克族", "ethnicity/kazakh"), ("zh", "视障", "disability/blind"), ("zh", "听障", "disability/deaf"),
        ("zh", "坐轮椅", "disability/wheelchair_user"), ("zh", "同性伴侶", "sexual_orientation/same_sex"),
        ("zh", "老年人", "age/old"), ("zh", "女性", "gender/female"),
    ])
    func fixtureTermsAreListed(language: String, term: String, group: String) throws {
        let lexicon = try Lexicon.load(directory: Self.directory, language: language)
        let entry = try #require(lexicon.identity.first { $0.term == term })
        #expect("\(entry.category.rawValue)/\(entry.group)" == group)
    }

    @Test func traditionalChineseUsesTheChineseLexicon() throws {
        let set = try LexiconSet.load(directory: Self.directory, languages: ["zh"])
        #expect(set.lexicon(for: "zh-Hant")?.language == "zh")
        #expect(set.lexicon(for: "zh")?.language == "zh")
        #expect(set.lexicon(for: "ja") == nil, "only the lexicons loaded serve documents")
    }
}

/// Lexicon choices that depend on how the matcher and ICU's segmentation see Chinese text.
@Suite struct LexiconSegmentationTests {
    private func matches(_ text: String, language: String) throws -> [String] {
        let lexicon = try Lexicon.load(directory: LexiconBundledTests.directory, language: language)
        let matcher = try TermMatcher(terms: lexicon.identity.map(\.term))
        return matcher.matches(in: text, boundaries: try WordBoundaries()).map { matcher.terms[Int($0.term)] }
    }

    /// ICU splits 幼儿园 (kindergarten) as 幼儿 | 园, so 幼儿 is not a term.
    @Test func kindergartenIsNotAnAgeMention() throws {
        #expect(try matches("她是幼儿园的老师。", language: "zh").isEmpty)
    }

    /// A longer word is listed where ICU may end a shorter term inside it, so the longest
    /// match covers the whole word.
    @Test func longestChineseTermCoversTheWord() throws {
        #expect(try matches("她是女同性恋者。", language: "zh").contains("女同性恋者"))
        #expect(try matches("他们来自少数民族地区。", language: "zh").contains("少数民族"))
    }

    /// Bare colour words are not ethnicity terms; the phrases are.
    @Test func coloursAreNotEthnicity() throws {
        #expect(try matches("a white wall and a black cat", language: "en").isEmpty)
        #expect(try matches("black people and white people", language: "en") == ["black people", "white people"])
    }
}
