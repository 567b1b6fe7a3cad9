import Foundation
import PretextTestSupport
import Testing

@testable import PretextAudit

/// The HTML report in a real browser: headless Chromium (Debian's `chromium`, installed by
/// `scripts/setup`) loads the page, and the DOM it builds opens with the findings, before the
/// tables. Skipped, with a message, where no `chromium` is on `PATH`.
@Suite struct ReportBrowserTests {
    /// The Chromium on `PATH`, if any.
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"]
            where FileManager.default.isExecutableFile(
                atPath: "\(directory)/\(name)")
            {
                return name
            }
        }
        return nil
    }()

    /// A report with a flagged group, groups without mentions and an unaudited language.
    private func report() -> AuditReport {
        let named = NamedObservations(
            groups: ["gender/female", "gender/male", "religion/sikh"], context: ["nurse", "engineer"])
        var tally = AuditTally(keys: named.keys)
        tally.add(
            named.document(language: "en", [(6, ["gender/female"], ["nurse"]), (5, ["gender/male"], ["engineer"])]))
        for _ in 0..<40 { tally.add(named.mentioning(["gender/female"])) }
        for _ in 0..<40 { tally.add(named.mentioning([])) }
        var swedish = named.mentioning([])
        swedish.language = "sv"
        swedish.lexicon = .none
        tally.add(swedish)
        for _ in 0..<30 { tally.addDropped(named.mentioning(["gender/female"]), step: "04-quality") }
        for _ in 0..<5 { tally.addDropped(named.mentioning([]), step: "04-quality") }
        let partial = tally.partial()
        let vocabulary = AuditVocabulary(
            groups: [("gender", "female"), ("gender", "male"), ("religion", "sikh")],
            pairs: [("gender", "female", "male")], occupations: ["nurse", "engineer"], descriptors: [],
            languages: ["en", "ja", "zh"])
        return AuditReport(counts: partial.counts, drops: partial.drops, vocabulary: vocabulary, minimumSentences: 1)
    }

    @Test func chromiumRendersTheReportWithTheFindingsFirst() throws {
        guard let chromium = Self.chromium else {
            print("ReportBrowserTests: skipped, no chromium on PATH (scripts/setup installs Debian's chromium)")
            return
        }
        let directory = try TemporaryDirectory()
        let page = directory.path + "/audit.html"
        try Data(AuditHTML.render(report()).utf8).write(to: URL(fileURLWithPath: page))
        let options = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(directory.path)/profile",
        ]
        let dom = String(
            decoding: try ExternalTool.run(chromium, options + ["--dump-dom", "file://\(page)"]).bytes, as: UTF8.self)
        let findings = try #require(
            dom.range(of: "<section id=\"findings\">"), "no findings section in \(dom.prefix(300))")
        let flagged = try #require(dom.range(of: "1 flagged"))
        let chart = try #require(dom.range(of: "<svg"))
        let languages = try #require(dom.range(of: "Languages audited"))
        let tables = try #require(dom.range(of: "<h2>Tables</h2>"))
        let representation = try #require(dom.range(of: "<h2>Representation</h2>"))
        #expect(findings.lowerBound < flagged.lowerBound && flagged.lowerBound < chart.lowerBound)
        #expect(chart.lowerBound < languages.lowerBound && languages.lowerBound < tables.lowerBound)
        #expect(tables.lowerBound < representation.lowerBound)
        // The all-zero rows are folded away: religion/sikh has no mention.
        #expect(dom.contains("<details><summary>1 groups without mentions</summary><p>sikh</p></details>"))
        #expect(dom.contains("not audited") || dom.contains("Not audited"))

        let screenshot = directory.path + "/audit.png"
        _ = try ExternalTool.run(
            chromium, options + ["--screenshot=\(screenshot)", "--window-size=1000,1400", "file://\(page)"])
        let png = try [UInt8](Data(contentsOf: URL(fileURLWithPath: screenshot)))
        #expect(
            png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "a rendered page, \(png.count) bytes")
    }
}
