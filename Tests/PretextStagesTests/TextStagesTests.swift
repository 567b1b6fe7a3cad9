import Foundation
import PretextCore
import PretextStore
import PretextTestSupport
import PretextText
import Testing

@testable import PretextPipeline
@testable import PretextStages

/// normalize → language → segment over a small multilingual dataset, from a pipeline file.
@Suite struct TextStagesTests {
    private static let records = [
        #"{"id":"en","text":"The library opens at nine.  It closes at six on weekdays.\r\nVisitors may borrow\u00a0five books.\u200b"}"#,
        #"{"id":"zh","text":"我爱北京天安门。今天天气很好！图书馆每天早上九点开门，晚上六点关门。"}"#,
        #"{"id":"de","text":"Die Bibliothek öffnet um neun Uhr. Sie schließt an Wochentagen um sechs Uhr abends."}"#,
        #"{"id":"ctl","text":"\u0001\u0002\u0003"}"#,
        #"{"id":"moji","text":"The caf\u00c3\u00a9 serves the best coffee in town, and everyone who visits says so."}"#,
    ]

    private func run(_ directory: TemporaryDirectory) throws -> [StepReport] {
        try directory.write("in/a.jsonl", Self.records.joined(separator: "\n") + "\n")
        return try StageRun.pipeline(
            """
              - stage: normalize
                repair_mojibake: true
              - stage: language
                languages: [en, zh]
              - stage: segment
            """, in: directory)
    }

    private func query(_ path: String, _ sql: String) throws -> [[SQLValue]] {
        try Dataset.open(at: path).openCatalog(readOnly: true).query(sql).rows
    }

    @Test func theChainCleansDetectsAndSegments() throws {
        let directory = try TemporaryDirectory()
        let reports = try run(directory)
        #expect(reports.map(\.stage) == ["ingest", "normalize", "language", "segment"])
        #expect(reports.map(\.kept) == [5, 4, 3, 3])

        let normalized = try DocumentFetch.texts(directory.path + "/out/02-normalize")
        #expect(
            normalized["en"]
                == "The library opens at nine.  It closes at six on weekdays.\nVisitors may borrow five books.")
        #expect(normalized["moji"]?.hasPrefix("The café serves") == true)
        #expect(normalized["ctl"] == nil)
        let cleanupDrop = try query(directory.path + "/out/02-normalize", "SELECT document, reason FROM drops")
        #expect(cleanupDrop.map { $0.map(\.description) } == [["ctl", "empty_after_cleanup"]])

        let language = directory.path + "/out/03-language"
        let langs = try query(language, "SELECT id, lang, lang_script FROM documents ORDER BY id")
        #expect(
            langs.map { $0.map(\.description) } == [
                ["en", "en", "Latin"], ["moji", "en", "Latin"], ["zh", "zh", "Han"],
            ])
        let languageDrop = try query(language, "SELECT document, reason, detail FROM drops")
        #expect(languageDrop.map { $0.map(\.description) } == [["de", "language_not_allowed", "detected de"]])

        let segment = directory.path + "/out/04-segment"
        let zh = try #require(
            try query(segment, "SELECT sentences, words, lines, sentence_bounds, lang FROM documents WHERE id = 'zh'")
                .first)
        #expect(zh[0] == .integer(3))
        #expect((zh[1].int ?? 0) >= 10)
        #expect(zh[2] == .integer(1))
        #expect(zh[4] == .text("zh"))
        guard case .blob(let bounds) = zh[3] else {
            Issue.record("no sentence bounds")
            return
        }
        let text = try #require(try DocumentFetch.texts(segment)["zh"])
        let sentences = try SentenceBounds.decode(bounds).map { range in
            String(decoding: Array(text.utf8)[range], as: UTF8.self)
        }
        #expect(sentences == ["我爱北京天安门。", "今天天气很好！", "图书馆每天早上九点开门，晚上六点关门。"])
    }

    @Test func inspectShowsLanguages() throws {
        let directory = try TemporaryDirectory()
        _ = try run(directory)
        let summary = try DatasetSummary.load(try Dataset.open(at: directory.path + "/out/04-segment"))
        #expect(summary.languages.map(\.code) == ["en", "zh"])
        #expect(summary.languages.map(\.count) == [2, 1])
        #expect(summary.description.contains("lang"))
    }

    @Test func languageListMatchesScriptVariants() {
        #expect(LanguageStage.Worker.matches("zh-Hant", ["zh"]))
        #expect(LanguageStage.Worker.matches("zh", ["zh"]))
        #expect(!LanguageStage.Worker.matches("zh", ["zh-Hant"]))
        #expect(!LanguageStage.Worker.matches("en", ["zh", "ja"]))
    }

    @Test func theSwiftAPIRefusesALanguageCodeCLD2CannotDetect() throws {
        #expect(throws: Never.self) {
            try LanguageStage(options: StageOptions(["languages": .list(["zh-Hant", "un"])]))
        }
        let error = try #require(throws: PretextError.self) {
            try LanguageStage(options: StageOptions(["languages": .list(["[en]"])]))
        }
        #expect(error.message.hasPrefix("language: '[en]' is not a language code CLD2 can detect; valid: aa, ab, af"))
        #expect(LanguageDetector.detectableCodes.count > 150 && LanguageDetector.canDetect("ja"))
    }
}
