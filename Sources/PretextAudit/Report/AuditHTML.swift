import PretextCore

/// Renders an `AuditReport` as one self-contained HTML page: inline CSS and SVG charts, no
/// scripts, no network access; well-formed XML, so any XML parser can read it.
///
/// The page opens with the findings (flagged disparities with a chart per step, the ratios,
/// the languages audited); the tables follow, their all-zero rows folded into `<details>`.
public enum AuditHTML {
    /// The page for `report`.
    public static func render(_ report: AuditReport, title: String = "Pretext corpus audit") -> String {
        var html = HTMLWriter()
        html.raw("<!DOCTYPE html>\n")
        html.element("html", [("lang", "en")]) { page in
            page.element("head") { head in
                head.raw("<meta charset=\"utf-8\"/>")
                head.element("title", text: title)
                head.element("style") { $0.raw(style) }
            }
            page.element("body") { body in
                body.element("h1", text: title)
                findings(report, into: &body)
                body.element("h2", text: "Tables")
                corpus(report.corpus, into: &body)
                representation(report, into: &body)
                pronouns(report.pronouns, into: &body)
                associations(report.associations, into: &body)
                content(report.content, into: &body)
                disparity(report.disparity, into: &body)
            }
        }
        return html.text
    }

    private static let style = """
        body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse;margin:.5em 0}\
        td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#eee}\
        td:first-child{text-align:left}.flag td{background:#fdd}.bar{fill:#4a7ab5}.bar.flag{fill:#c0392b}\
        .label{font-size:11px}svg text{font-size:11px}\
        #findings{border-left:4px solid #4a7ab5;padding-left:1em;margin-bottom:2em}\
        details{margin:.3em 0 1em}summary{cursor:pointer;color:#555}
        """

    private static func number(_ value: Int) -> String { String(value) }

    private static func corpus(_ corpus: AuditReport.Corpus, into html: inout HTMLWriter) {
        html.element("h2", text: "Corpus")
        html.element(
            "p", text: "\(corpus.documents) documents, \(corpus.words) words, \(corpus.bytes) bytes.")
        html.table(
            ["language", "documents"], corpus.languages.sorted { $0.key < $1.key }.map { [$0.key, number($0.value)] })
        html.table(
            ["source", "documents"], corpus.sources.sorted { $0.key < $1.key }.map { [$0.key, number($0.value)] })
        html.element("h3", text: "Document length (bytes, log2 buckets)")
        let buckets = corpus.lengthHistogram.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
        SVGBarChart(
            bars: buckets.map { .init(label: "≥ \(1 << (Int($0.key) ?? 0))", value: Double($0.value)) },
            format: { String(Int($0)) }
        ).render(into: &html)
    }

    private static func representation(_ report: AuditReport, into html: inout HTMLWriter) {
        html.element("h2", text: "Representation")
        let categories = Array(Set(report.representation.map(\.category))).sorted()
        for category in categories {
            let groups = report.representation.filter { $0.category == category }
            html.element("h3", text: category)
            let mentioned = groups.filter { $0.all.mentions > 0 }
            let header = ["group", "mentions", "per million words", "documents", "document frequency"]
            func row(_ group: AuditReport.GroupFigures) -> [String] {
                [
                    group.group, number(group.all.mentions), String(format2: group.all.perMillionWords),
                    number(group.all.documents), String(format2: group.all.documentFrequency * 100) + " %",
                ]
            }
            if !mentioned.isEmpty { html.table(header, mentioned.map(row)) }
            folded(groups.filter { $0.all.mentions == 0 }.map(\.group), noun: "groups without mentions", into: &html)
            SVGBarChart(bars: mentioned.map { .init(label: $0.group, value: $0.all.perMillionWords) })
                .render(into: &html)
        }
    }

    /// The names of all-zero rows, folded into a closed `<details>` element.
    private static func folded(_ names: [String], noun: String, into html: inout HTMLWriter) {
        guard !names.isEmpty else { return }
        html.element("details") { details in
            details.element("summary", text: "\(names.count) \(noun)")
            details.element("p", text: names.joined(separator: ", "))
        }
    }

    private static func pronouns(_ pronouns: AuditReport.Pronouns, into html: inout HTMLWriter) {
        html.element("h2", text: "Pronouns and gendered terms")
        let ratio = pronouns.femaleToMale.map { String(format2: $0) } ?? "n/a"
        html.element("p", text: "pronouns female : male = \(ratio)")
        let termRatio = pronouns.genderedTermsFemaleToMale.map { String(format2: $0) } ?? "n/a"
        html.element("p", text: "gendered terms (woman, man, 女性, 男人…) female : male = \(termRatio)")
        html.table(
            ["pronoun group", "mentions"],
            pronouns.counts.sorted { $0.key < $1.key }.map { [$0.key, number($0.value)] })
        html.table(
            ["gender group", "term mentions"],
            pronouns.genderedTerms.sorted { $0.key < $1.key }.map { [$0.key, number($0.value)] })
        let groups = Array(Set(pronouns.bySource.values.flatMap(\.keys))).sorted()
        let sources = Set(pronouns.bySource.keys).union(pronouns.genderedTermsFemaleToMaleBySource.keys).sorted()
        html.table(
            ["source"] + groups + ["pronouns female : male", "terms female : male"],
            sources.map { source in
                [source] + groups.map { number(pronouns.bySource[source]?[$0] ?? 0) } + [
                    pronouns.femaleToMaleBySource[source].map { String(format2: $0) } ?? "n/a",
                    pronouns.genderedTermsFemaleToMaleBySource[source].map { String(format2: $0) } ?? "n/a",
                ]
            })
    }

    private static func associations(_ associations: AuditReport.Associations, into html: inout HTMLWriter) {
        html.element("h2", text: "Associations (\(associations.variant) nPMI, sentence co-occurrence)")
        for group in associations.groups where !group.top.isEmpty {
            html.element("h3", text: "\(group.group) (\(group.sentences) sentences)")
            html.table(
                ["word", "kind", "sentences", "PMI", "nPMI"],
                group.top.map {
                    [$0.word, $0.kind, number($0.sentences), String(format2: $0.pmi), String(format2: $0.npmi)]
                })
        }
        for pair in associations.skew where !pair.occupations.isEmpty {
            html.element("h3", text: "Occupations: \(pair.a) vs \(pair.b) (log-ratio, > 0 leans to \(pair.a))")
            SVGBarChart(bars: pair.occupations.map { .init(label: $0.word, value: $0.logRatio) }).render(into: &html)
        }
    }

    private static func content(_ content: AuditReport.Content, into html: inout HTMLWriter) {
        html.element("h2", text: "Content")
        html.element(
            "p",
            text: "Offensive terms: \(content.offensiveDocuments) documents "
                + "(\(String(format2: content.offensiveDocumentRate * 100)) %), "
                + "\(String(format2: content.offensivePerMillionWords)) per million words. "
                + "PII: \(content.piiDocuments) documents (\(String(format2: content.piiDocumentRate * 100)) %), "
                + "\(String(format2: content.piiPerMillionWords)) per million words.")
        html.table(
            ["kind", "mentions"],
            content.offensiveMentions.sorted { $0.key < $1.key }.map { ["offensive: " + $0.key, number($0.value)] }
                + content.piiMentions.sorted { $0.key < $1.key }.map { ["pii: " + $0.key, number($0.value)] })
    }

    private static func disparity(_ steps: [AuditReport.StepDisparity], into html: inout HTMLWriter) {
        html.element("h2", text: "What the filters removed: every group")
        html.element(
            "p",
            text: "For each step that dropped documents: the drop rate among documents mentioning a group "
                + "against the rate among the others, with a 95 % interval; flagged rows are significant.")
        for step in steps {
            html.element(
                "h3",
                text:
                    "\(step.step): \(step.dropped) of \(step.documents) dropped (\(String(format2: step.rate * 100)) %)"
            )
            let dropping = step.groups.filter { $0.dropped > 0 }
            html.table(
                ["group", "documents", "dropped", "rate", "others' rate", "difference", "95 % interval", "p"],
                dropping.map {
                    [
                        $0.group, number($0.documents), number($0.dropped), String(format2: $0.rate * 100) + " %",
                        String(format2: $0.restRate * 100) + " %", String(format2: $0.difference * 100),
                        "[\(String(format2: $0.ciLow * 100)), \(String(format2: $0.ciHigh * 100))]",
                        $0.pValue < 0.0001 ? "< 0.0001" : String(format2: $0.pValue),
                    ]
                }, highlight: { dropping[$0].flagged })
            folded(
                step.groups.filter { $0.dropped == 0 }.map { "\($0.group) (\($0.documents))" },
                noun: "groups with no document dropped (documents seen)", into: &html)
        }
    }
}
