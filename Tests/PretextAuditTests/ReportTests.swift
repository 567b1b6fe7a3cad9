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
        let named = NamedObservations(
            groups: ["gender/female", "gender/male"], context: ["nurse", "engineer", "kind"])
        var tally = AuditTally(keys: named.keys)
        tally.add(
            named.document(
                language: "en", source: "web", bytes: 120,
                [
                    (5, ["gender/female"], ["nurse"]), (5, ["gender/female"], ["nurse", "kind"]),
                    (5, ["gender/male"], ["engineer"]),
                ], pronouns: ["female", "male", "female"], offensive: ["mild"], pii: [("email", 2)]))
        tally.add(
            named.document(
                language: "zh", source: "news <&>", bytes: 60, [(4, ["gender/male"], ["engineer"])], pronouns: ["male"])
        )
        for _ in 0..<40 { tally.add(named.mentioning(["gender/female"])) }
        for _ in 0..<40 { tally.add(named.mentioning([])) }
        for _ in 0..<30 { tally.addDropped(named.mentioning(["gender/female"]), step: "04-quality") }
        for _ in 0..<5 { tally.addDropped(named.mentioning([]), step: "04-quality") }
        let partial = tally.partial()
        let vocabulary = AuditVocabulary(
            groups: [("gender", "female"), ("gender", "male")], pairs: [("gender", "female", "male")],
            occupations: ["nurse", "engineer"], descriptors: ["kind"])
        return AuditReport(
            counts: partial.counts, drops: partial.drops, vocabulary: vocabulary, minimumSentences: 1)
    }

    @Test func figuresOfTheReport() throws {
        let report = report()
        // 2 documents of 19 words, and 80 of 3 words (40 mentioning gender/female).
        #expect(report.corpus.documents == 82 && report.corpus.words == 259)
        #expect(report.corpus.languages == ["en": 81, "zh": 1])
        let female = try #require(report.representation.first { $0.group == "female" })
        #expect(female.all.mentions == 42 && female.all.documents == 41)
        #expect(abs(female.all.perMillionWords - 42.0 * 1_000_000 / 259) < 1e-9)
        #expect(report.pronouns.femaleToMale == 1)
        // 1 of 82 documents has an offensive term and PII (2 emails) in 259 words.
        #expect(report.content.offensiveDocuments == 1 && abs(report.content.offensiveDocumentRate - 1.0 / 82) < 1e-12)
        #expect(abs(report.content.piiPerMillionWords - 2.0 * 1_000_000 / 259) < 1e-9)
        #expect(report.content.piiMentions == ["email": 2] && report.content.piiDocuments == 1)
        #expect(report.pronouns.femaleToMaleBySource == ["web": 2, "news <&>": 0])
        // Gendered terms: 2 + 40 female mentions, 1 + 1 male; the filler source has no male term.
        #expect(report.pronouns.genderedTerms == ["female": 42, "male": 2])
        #expect(report.pronouns.genderedTermsFemaleToMale == 21)
        #expect(report.pronouns.genderedTermsFemaleToMaleBySource == ["web": 2, "news <&>": 0])
        let femaleTop = try #require(report.associations.groups.first { $0.group == "gender/female" })
        #expect(femaleTop.top.first?.word == "nurse")
        #expect(report.associations.skew.first?.occupations.first?.word != nil)
        let step = try #require(report.disparity.first)
        #expect(step.step == "04-quality" && step.documents == 117 && step.dropped == 35)
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
                "schema", "corpus", "coverage", "representation", "pronouns", "associations", "content", "disparity",
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
            // Rows with drops show their difference; the others are folded, named.
            for group in step.groups where group.dropped > 0 {
                #expect(text.contains(String(format2: group.difference * 100)))
            }
            for group in step.groups where group.dropped == 0 { #expect(text.contains("\(group.group) (")) }
        }
        #expect(text.contains("pronouns female : male = 1.00") && text.contains("female : male = 21.00"))
    }
}
