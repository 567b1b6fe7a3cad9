import Foundation
import PretextAudit
import PretextCore
import PretextStages
import PretextTestSupport
import Testing

@testable import PretextStages

/// The audit chooses each document's lexicon by its language, also for the documents earlier
/// steps dropped: a language filter that removes Spanish and Swedish text (full of "son",
/// "men" and "man") finds no men mentioned in what it dropped.
@Suite struct AuditLanguageTests {
    private static let lexicons: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/lexicons"
    }()

    /// Paragraphs written for this test: English ones mention a man or a son; the others use
    /// words spelled like those terms.
    private static let english =
        "The old man walked to the market with his son every morning, and the son carried the basket "
        + "while the man talked about the weather, the price of bread and the news from the village."
    private static let spanish =
        "Los mercados del pueblo son muy antiguos y las calles son estrechas. Cada mañana los vecinos "
        + "compran pan y fruta, y dicen que los precios son justos y que las frutas son frescas."
    private static let swedish =
        "Man kan gå till torget varje morgon, men det är ofta fullt av folk. Man köper bröd och frukt, "
        + "men priserna har stigit och man pratar mycket om vädret och nyheterna från byn."

    @Test func aLanguageFilterDropsNoGroupAndTheReportSaysWhichLanguagesWereAudited() throws {
        let directory = try TemporaryDirectory()
        let steps = directory.path + "/run"
        let texts =
            Array(repeating: Self.english, count: 40) + Array(repeating: Self.spanish, count: 30)
            + Array(repeating: Self.swedish, count: 30)
        let lines = try texts.enumerated().map { try StageRun.line(id: "d\($0)", text: $1) }
        try StageRun.ingest(lines: [lines], in: directory, output: steps + "/01-ingest")
        try StageRun.stage(
            "language", [("languages", .sequence(["en"]))], input: steps + "/01-ingest", output: steps + "/02-language")
        let terms = try AuditTerms(lexicons: LexiconSet.load(directory: Self.lexicons))
        let report = try AuditRunner(terms: terms).run(dataset: steps + "/02-language", workers: 2)

        #expect(report.corpus.documents == 40)
        let step = try #require(report.disparity.first { $0.step == "02-language" })
        #expect(step.dropped == 60)
        // The dropped documents are matched against their detected language's lexicon (none):
        // no "son" or "men" in them counts. Only the 40 English documents mention men, and the
        // filter kept them all (the difference is real: language and group go together here).
        let male = try #require(step.groups.first { $0.group == "gender/male" })
        #expect(male.documents == 40 && male.dropped == 0, "\(step.groups)")
        #expect(step.groups.count == 1)
        #expect(report.pronouns.genderedTerms == ["male": 40 * 4])
        #expect(report.coverage.audited.map(\.language) == ["en"])
    }

    @Test func theDetectedLanguageIsReadBackFromTheLanguageStagesDrops() {
        #expect(LanguageStage.detectedLanguage(reason: "language_not_allowed", detail: "detected sv") == "sv")
        #expect(
            LanguageStage.detectedLanguage(reason: "language_score_low", detail: "en score 0.31 below 0.5") == "en")
        #expect(LanguageStage.detectedLanguage(reason: "gopher_quality", detail: "detected sv") == nil)
    }
}
