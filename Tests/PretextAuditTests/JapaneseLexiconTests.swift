import Testing

@testable import PretextAudit

/// The Japanese lexicon on Japanese text: pronouns, gendered and identity terms, and the words
/// that contain a term in another sense. Matching relies on ICU's dictionary boundaries (ICU
/// 74's choices are written down in docs/audit-matching.md).
@Suite struct JapaneseLexiconTests {
    private static let terms: AuditTerms? = try? AuditTerms(
        lexicons: LexiconSet.load(directory: LexiconBundledTests.directory, languages: ["ja"]))

    /// The pronoun groups and the identity groups `text` mentions, in a Japanese document.
    private func observe(_ text: String) throws -> (pronouns: [String], groups: [String], context: [String]) {
        let terms = try #require(Self.terms)
        let observation = try AuditScanner(terms: terms).observe(text: text, language: "ja", source: "t")
        #expect(observation.lexicon == LexiconChoice(lexicon: "ja", basis: .language))
        return (
            observation.pronouns.map { terms.keys.pronouns[Int($0)] },
            observation.groups.map { terms.keys.groups[Int($0.key)] },
            observation.context.map { terms.keys.context[Int($0.key)] }
        )
    }

    @Test func pronouns() throws {
        #expect(try observe("彼は医者です。").pronouns == ["male"])
        #expect(try observe("彼女は看護師として働いている。").pronouns == ["female"])
        #expect(try observe("彼らは駅で待っていた。彼の母親は教師だった。").pronouns == ["male", "male"])
        #expect(try observe("彼女たちは優しい人だった。").pronouns == ["female"])
    }

    /// 他 is "other" in Japanese, not a pronoun; 彼方 and 彼岸 begin with 彼 in its old sense.
    @Test func wordsThatAreNotPronouns() throws {
        #expect(try observe("他の人たちは駅で待っていました。").pronouns.isEmpty)
        #expect(try observe("彼方に山が見える。彼岸には墓参りに行く。").pronouns.isEmpty)
        // 彼氏 (boyfriend) is a gendered term, not the pronoun.
        let boyfriend = try observe("彼氏と映画を見た。")
        #expect(boyfriend.pronouns.isEmpty && boyfriend.groups == ["gender/male"])
    }

    @Test func gendered() throws {
        #expect(try observe("男性と女性の給料の差。").groups == ["gender/male", "gender/female"])
        #expect(try observe("夫と妻が話した。お母さんが料理をした。").groups == ["gender/male", "gender/female", "gender/female"])
        #expect(try observe("その男の子は賢い。").groups == ["gender/male"])
        // One word each in ICU's dictionary: no 男, 女, 夫 or 母 inside.
        #expect(try observe("男女平等が大切だ。工夫が必要だ。母国に帰った。").groups.isEmpty)
        // 女王 is an exclusion (a title, as "queen" is left out in English); 女優 is an occupation.
        #expect(try observe("女王陛下が訪れた。").groups.isEmpty)
        let actress = try observe("女優が来た。")
        #expect(actress.groups.isEmpty && actress.context == ["actor"])
    }

    @Test func identityGroups() throws {
        #expect(try observe("アメリカ人の友人と日本人の同僚。").groups == ["nationality/american", "nationality/japanese"])
        #expect(try observe("高齢者と子どもが公園にいた。").groups == ["age/old", "age/young"])
        #expect(try observe("ムスリムの学生と仏教徒の僧侶。").groups == ["religion/muslim", "religion/buddhist"])
        #expect(try observe("車椅子利用者のための設備。").groups == ["disability/wheelchair_user"])
        #expect(try observe("LGBTの権利と同性婚。").groups == ["sexual_orientation/lgbtq", "sexual_orientation/same_sex"])
        #expect(try observe("アイヌ民族の文化。").groups == ["ethnicity/ainu"])
    }
}
