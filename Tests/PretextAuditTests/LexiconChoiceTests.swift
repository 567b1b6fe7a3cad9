import Testing

@testable import PretextAudit

/// Each document is matched against its own language's lexicon: words of other languages
/// spelled like English terms ("son", "man", "men", "he") or like the Chinese pronoun (他の)
/// count nothing, and the same sentences in English still do.
@Suite struct LexiconChoiceTests {
    private static let terms: AuditTerms? = try? AuditTerms(
        lexicons: LexiconSet.load(directory: LexiconBundledTests.directory))

    /// Mentions of any kind (groups, pronouns, context words, offensive terms) in `text`.
    private func mentions(_ text: String, language: String?) throws -> Int {
        let observation = try AuditScanner(terms: try #require(Self.terms)).observe(
            text: text, language: language, source: "t")
        return observation.groups.count + observation.pronouns.count + observation.context.count
            + observation.offensive.count
    }

    /// Sentences written for this test, each with words spelled like English lexicon terms.
    static let foreign: [(language: String, text: String)] = [
        ("es", "Ellos son muy amables y yo he visto que son felices. Mi hermano dice que son las cinco."),
        ("fr", "Il a pris son livre et son manteau avant de partir. Son chien l'attendait dans la rue."),
        ("sv", "Man kan inte veta allt, men vi försöker ändå. Men när man är trött går det långsamt."),
        ("no", "Man vet aldri hva som skjer, men det går bra. Man må bare prøve, men ikke for hardt."),
        ("da", "Man siger, at det regner i morgen, men vi tager afsted alligevel."),
        ("de", "Man sagt, dass die Stadt im Sommer sehr schön ist. Hier kann man gut essen."),
        ("ja", "他の人たちは駅で待っていました。他の方法もあります。"),
    ]

    @Test(arguments: foreign)
    func noTermFiresInAnotherLanguage(language: String, text: String) throws {
        #expect(try mentions(text, language: language) == 0)
    }

    /// The same words in English sentences still count.
    @Test func englishStillFires() throws {
        // they, son, daughter, he, them.
        #expect(try mentions("They are my son and my daughter. He has seen them.", language: "en") == 5)
        #expect(try mentions("One man came, but the men stayed.", language: "en") == 2)
    }

    @Test func theLanguageChoosesTheLexicon() throws {
        let lexicons = try #require(Self.terms).lexicons
        func choice(_ language: String?, _ text: String) -> LexiconChoice {
            var text = text
            return text.withUTF8 {
                LexiconChoice.choose(language: language, text: UnsafeRawBufferPointer($0), in: lexicons)
            }
        }
        #expect(choice("en", "他是老师。") == LexiconChoice(lexicon: "en", basis: .language), "lang wins over script")
        #expect(choice("zh-Hant", "他是老師。") == LexiconChoice(lexicon: "zh", basis: .language))
        #expect(choice("es", "Ellos son.") == .none)
        // Without a language (or CLD2's "un"): the script decides.
        #expect(choice(nil, "他の人たちは駅で待っていました。") == LexiconChoice(lexicon: "ja", basis: .script))
        #expect(choice("un", "他是老师。") == LexiconChoice(lexicon: "zh", basis: .script))
        #expect(choice(nil, "He is a teacher.") == LexiconChoice(lexicon: "en", basis: .script))
        #expect(choice("", "Он учитель.") == .none)
        // Japanese with many kanji and a few kana is still Japanese; mostly English with a Chinese
        // name is English.
        #expect(choice(nil, "東京都港区六本木一丁目の会議室で開催") == LexiconChoice(lexicon: "ja", basis: .script))
        #expect(
            choice(nil, "The poem 静夜思 is by Li Bai and is often taught.")
                == LexiconChoice(lexicon: "en", basis: .script))
    }

    /// The script counts: runs of Latin letters and digits, and each Han or kana character.
    @Test func scriptCounts() {
        func script(_ text: String) -> DocumentScript {
            var text = text
            return text.withUTF8 { DocumentScript(utf8: UnsafeRawBufferPointer($0)) }
        }
        let mixed = script("Café 2024, naïve façade: 東京の駅で待つ。")
        #expect(mixed.latinWords == 4 && mixed.han == 4 && mixed.kana == 3)
        // A long ASCII stretch goes eight bytes at a time; the count is the same.
        let long = String(repeating: "one two three. ", count: 40)
        #expect(script(long).latinWords == 120)
        #expect(script(long + String(repeating: "漢", count: 121)).language == "zh")
        #expect(script(long + String(repeating: "漢", count: 119)).language == "en")
    }

    /// Kana make a text Japanese: the Chinese exclusions and pronouns never apply to it.
    @Test func japaneseWithoutALanguageIsNotChinese() throws {
        #expect(try mentions("他の人たちは駅で待っていました。", language: nil) == 0)
        #expect(try mentions("彼は医者です。", language: nil) == 2)
    }

    /// The tally counts every document and word, and says which lexicon each language got.
    @Test func coverageCountsAuditedAndNotAuditedLanguages() throws {
        let terms = try #require(Self.terms)
        let scanner = try AuditScanner(terms: terms)
        var tally = AuditTally(keys: terms.keys)
        for (language, text) in Self.foreign + [("en", "He is my son."), ("en", "She is a nurse.")] {
            tally.add(scanner.observe(text: text, language: language, source: "t"))
        }
        tally.add(scanner.observe(text: "彼は医者です。", language: nil, source: "t"))
        let partial = tally.partial()
        let report = AuditReport(counts: partial.counts, drops: partial.drops, vocabulary: terms.vocabulary)
        #expect(report.corpus.documents == 10)
        #expect(report.coverage.lexicons == ["en", "ja", "zh"])
        let audited = report.coverage.audited.map { "\($0.language):\($0.lexicon ?? "-"):\($0.basis)" }
        #expect(audited == ["en:en:language", "ja:ja:language", "un:ja:script"])
        #expect(report.coverage.audited.first?.documents == 2 && report.coverage.audited.first?.words == 8)
        #expect(report.coverage.notAudited.map(\.language) == ["da", "de", "es", "fr", "no", "sv"])
        #expect(report.coverage.notAudited.allSatisfy { $0.words > 0 && $0.documents == 1 && $0.basis == "none" })
        #expect(report.pronouns.counts == ["male": 2, "female": 1])
        let summary = AuditSummary.text(report)
        #expect(summary.contains("audited: en 2 documents, 8 words; ja 1 documents"))
        #expect(summary.contains("un (ja by script) 1 documents"))
        #expect(summary.contains("not audited (no lexicon, no mentions counted): da 1 documents"))
    }
}
