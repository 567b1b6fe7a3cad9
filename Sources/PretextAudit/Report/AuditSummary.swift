/// The short terminal summary of an audit report.
public enum AuditSummary {
    /// A few lines: corpus size, the most mentioned group of each category, the pronoun and
    /// gendered-term ratios, offensive and PII rates, and the flagged filter disparities.
    ///
    /// The filters are judged (a `filters:` line, or `FLAG` lines) only when the report holds
    /// steps that dropped documents: not without history (`--no-history`) nor when nothing
    /// was dropped, since then there is nothing to judge.
    public static func text(_ report: AuditReport) -> String {
        var lines = ["audit: \(report.corpus.documents) documents, \(report.corpus.words) words"]
        lines += coverage(report.coverage)
        let categories = Array(Set(report.representation.map(\.category))).sorted()
        for category in categories {
            let groups = report.representation.filter { $0.category == category && $0.all.mentions > 0 }
                .sorted { $0.all.mentions != $1.all.mentions ? $0.all.mentions > $1.all.mentions : $0.group < $1.group }
            guard !groups.isEmpty else { continue }
            let listed = groups.prefix(4).map { "\($0.group) \($0.all.mentions)" }.joined(separator: ", ")
            lines.append("  \(category): \(listed)")
        }
        let ratios = [
            report.pronouns.femaleToMale.map { "pronouns female : male = \(String(format2: $0))" },
            report.pronouns.genderedTermsFemaleToMale.map { "gendered terms \(String(format2: $0))" },
        ].compactMap { $0 }
        if !ratios.isEmpty { lines.append("  " + ratios.joined(separator: "; ")) }
        lines.append(
            "  offensive terms in \(report.content.offensiveDocuments) documents; PII in "
                + "\(report.content.piiDocuments) documents")
        let flagged = report.disparity.flatMap { step in step.groups.filter(\.flagged).map { (step.step, $0) } }
        if flagged.isEmpty, !report.disparity.isEmpty {
            lines.append("  filters: no group dropped significantly more or less often than the rest")
        }
        for (step, group) in flagged {
            lines.append(
                "  FLAG \(step): \(group.group) dropped \(String(format2: group.rate * 100)) % vs "
                    + "\(String(format2: group.restRate * 100)) % of the rest (p = \(String(format2: group.pValue)))")
        }
        return lines.joined(separator: "\n")
    }

    /// The languages audited (with their lexicon) and not, most documents first.
    static func coverage(_ coverage: AuditReport.Coverage) -> [String] {
        func row(_ row: AuditReport.LanguageRow) -> String {
            let lexicon =
                row.lexicon.map { lexicon in
                    row.basis == "script" ? " (\(lexicon) by script)" : lexicon == row.language ? "" : " (\(lexicon))"
                } ?? ""
            return "\(row.language)\(lexicon) \(row.documents) documents, \(row.words) words"
        }
        func list(_ rows: [AuditReport.LanguageRow]) -> String {
            let shown = rows.prefix(6).map(row).joined(separator: "; ")
            return rows.count > 6 ? shown + "; \(rows.count - 6) more in audit.json" : shown
        }
        var lines: [String] = []
        if !coverage.audited.isEmpty { lines.append("  audited: " + list(coverage.audited)) }
        if !coverage.notAudited.isEmpty {
            lines.append("  not audited (no lexicon, no mentions counted): " + list(coverage.notAudited))
        }
        return lines
    }
}
