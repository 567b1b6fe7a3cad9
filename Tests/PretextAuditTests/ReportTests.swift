import Foundation
import Testing

@testable import PretextAudit

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report built from counts: its JSON round-trips, and the HTML page is well-formed and
/// shows the JSON's figures.
@Suite struct ReportTests {
    private func report() -> AuditReport {
        var counts = AuditCounts()
        counts.add(
            DocumentObservation(
                language: "en", source: "web", bytes: 120,
                sentences: [
                    .init(words: 5, groups: ["gender/female"], context: ["nurse"]),
                    .init(words: 5, groups: ["gender/female"], context: ["nurse", "kind"]),
                    .init(words: 5, groups: ["gender/male"], context: ["engineer"]),
                ], pronouns: ["female", "male", "female"], offensive: ["mild"], pii: ["email": 2]))
        counts.add(
            DocumentObservation(
                language: "zh", source: "news <&>", bytes: 60,
                sentences: [.init(words: 4, groups: ["gender/male"], context: ["engineer"])], pronouns: ["male"]))
        var drops = DropCounts()
        for _ in 0..<40 { drops.addSurvivor(groups: ["gender/female"]) }
        for _ in 0..<40 { drops.addSurvivor(groups: []) }
        for _ in 0..<30 { drops.addDropped(step: "04-quality", groups: ["gender/female"]) }
        for _ in 0..<5 { drops.addDropped(step: "04-quality", groups: []) }
        let vocabulary = AuditVocabulary(
            groups: [("gender", "female"), ("gender", "male")], pairs: [("gender", "female", "male")],
            occupations: ["nurse", "engineer"], descriptors: ["kind"])
        return AuditReport(counts: counts, drops: drops, vocabulary: vocabulary, minimumSentences: 1)
    }

    @Test func figuresOfTheReport() throws {
        let report = report()
        #expect(report.corpus.documents == 2 && report.corpus.words == 19)
        #expect(report.corpus.languages == ["en": 1, "zh": 1])
        let female = try #require(report.representation.first { $0.group == "female" })
        #expect(female.all.mentions == 2 && female.all.documents == 1)
        #expect(abs(female.all.perMillionWords - 2.0 * 1_000_000 / 19) < 1e-9)
        #expect(report.pronouns.femaleToMale == 1)
        let femaleTop = try #require(report.associations.groups.first { $0.group == "gender/female" })
        #expect(femaleTop.top.first?.word == "nurse")
        #expect(report.associations.skew.first?.occupations.first?.word != nil)
        let step = try #require(report.disparity.first)
        #expect(step.step == "04-quality" && step.documents == 115 && step.dropped == 35)
        #expect(step.groups.first { $0.group == "gender/female" }?.flagged == true)
    }

    @Test func jsonRoundTrips() throws {
        let report = report()
        let data = try report.json()
        #expect(try AuditReport(json: data) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["schema"] as? String == "pretext-audit/1")
        #expect(
            Set(object.keys) == [
                "schema", "corpus", "representation", "pronouns", "associations", "content", "disparity",
            ])
    }

    /// Collects the text of every element while checking well-formedness.
    private final class TextCollector: NSObject, XMLParserDelegate {
        var text = ""
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test func htmlIsWellFormedAndShowsTheFigures() throws {
        let report = report()
        let page = AuditHTML.render(report)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        // Self-contained: no scripts, nothing loaded from elsewhere.
        #expect(
            !page.contains("<script") && !page.contains("src=") && !page.contains("href=") && !page.contains("@import"))
        let parser = XMLParser(data: Data(page.dropFirst("<!DOCTYPE html>\n".count).utf8))
        let collector = TextCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let text = collector.text
        #expect(text.contains("news <&>"), "source names are escaped, then read back")
        for group in report.representation {
            #expect(text.contains(String(format2: group.all.perMillionWords)))
        }
        for step in report.disparity {
            #expect(text.contains("\(step.dropped) of \(step.documents) dropped"))
            for group in step.groups { #expect(text.contains(String(format2: group.difference * 100))) }
        }
        #expect(text.contains("female : male = 1.00"))
    }
}
