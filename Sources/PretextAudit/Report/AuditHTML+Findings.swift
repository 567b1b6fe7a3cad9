import PretextCore

extension AuditHTML {
    /// The most groups a findings chart shows per step (those with enough documents to be
    /// flagged, largest |difference| first); the full tables are further down the page.
    static let findingsBarsPerStep = 15

    /// The page's opening section: the flagged disparities with a chart of each step's
    /// drop-rate differences and their intervals, the female : male ratios, and the languages
    /// audited and not.
    static func findings(_ report: AuditReport, into html: inout HTMLWriter) {
        html.element("section", [("id", "findings")]) { section in
            section.element("h2", text: "Findings")
            section.element(
                "p",
                text: "\(report.corpus.documents) documents, \(report.corpus.words) words; "
                    + "lexicons: \(report.coverage.lexicons.isEmpty ? "none" : report.coverage.lexicons.joined(separator: ", "))."
            )
            flagged(report.disparity, into: &section)
            ratios(report.pronouns, into: &section)
            languages(report.coverage, into: &section)
        }
    }

    /// The flagged groups, then per step a chart of the drop-rate differences (percentage
    /// points, 95 % interval as a whisker; flagged bars red).
    private static func flagged(_ steps: [AuditReport.StepDisparity], into html: inout HTMLWriter) {
        html.element("h3", text: "What the filters removed, by group")
        let flagged = steps.flatMap { step in step.groups.filter(\.flagged).map { (step.step, $0) } }
        if steps.isEmpty {
            html.element("p", text: "No earlier step dropped documents (or the audit ran without history).")
        } else if flagged.isEmpty {
            html.element("p", text: "No group was dropped significantly more or less often than the rest.")
        } else {
            html.element(
                "p",
                text: "\(flagged.count) flagged: the step dropped documents mentioning the group at a different rate.")
            html.table(
                ["step", "group", "documents", "dropped", "rate", "others' rate", "difference (points)"],
                flagged.map { step, group in
                    [
                        step, group.group, String(group.documents), String(group.dropped),
                        String(format2: group.rate * 100) + " %", String(format2: group.restRate * 100) + " %",
                        "\(String(format2: group.difference * 100)) [\(String(format2: group.ciLow * 100)), "
                            + "\(String(format2: group.ciHigh * 100))]",
                    ]
                }, highlight: { _ in true })
        }
        for step in steps where !step.groups.isEmpty {
            // Groups below the flag's minimum have intervals too wide (or, at 0 % or 100 %, too
            // narrow) to read: they stay in the tables below.
            let large = step.groups.filter { $0.documents >= Disparity.minimumGroupDocuments }
            let shown = large.sorted {
                abs($0.difference) != abs($1.difference) ? abs($0.difference) > abs($1.difference) : $0.group < $1.group
            }.prefix(findingsBarsPerStep)
            html.element("h4", text: "\(step.step): drop-rate difference, group − others (points, 95 % interval)")
            let small = step.groups.count - large.count
            html.element(
                "p",
                text: "\(shown.count) of \(step.groups.count) groups shown"
                    + (small > 0
                        ? "; \(small) with fewer than \(Disparity.minimumGroupDocuments) documents are in the tables."
                        : "."))
            SVGBarChart(
                bars: shown.map {
                    .init(
                        label: $0.group, value: $0.difference * 100, interval: ($0.ciLow * 100)...($0.ciHigh * 100),
                        flagged: $0.flagged)
                }
            ).render(into: &html)
        }
    }

    private static func ratios(_ pronouns: AuditReport.Pronouns, into html: inout HTMLWriter) {
        html.element("h3", text: "Ratios")
        let pronounRatio = pronouns.femaleToMale.map { String(format2: $0) } ?? "n/a"
        let termRatio = pronouns.genderedTermsFemaleToMale.map { String(format2: $0) } ?? "n/a"
        html.table(
            ["measure", "female : male", "female", "male"],
            [
                [
                    "pronouns", pronounRatio, String(pronouns.counts["female"] ?? 0),
                    String(pronouns.counts["male"] ?? 0),
                ],
                [
                    "gendered terms", termRatio, String(pronouns.genderedTerms["female"] ?? 0),
                    String(pronouns.genderedTerms["male"] ?? 0),
                ],
            ])
    }

    private static func languages(_ coverage: AuditReport.Coverage, into html: inout HTMLWriter) {
        html.element("h3", text: "Languages audited")
        let rows = coverage.audited.map {
            [$0.language, $0.lexicon ?? "", $0.basis, String($0.documents), String($0.words)]
        }
        html.table(["document language", "lexicon", "chosen by", "documents", "words"], rows)
        guard !coverage.notAudited.isEmpty else { return }
        html.element(
            "p",
            text: "Not audited (no lexicon for their language: counted in the corpus figures, no mentions): "
                + "\(coverage.notAudited.count) languages, \(coverage.notAudited.reduce(0) { $0 + $1.documents }) "
                + "documents.")
        html.table(
            ["document language", "documents", "words"],
            coverage.notAudited.map { [$0.language, String($0.documents), String($0.words)] })
    }
}
