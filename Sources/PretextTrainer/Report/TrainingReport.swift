import Foundation
import PretextCore
import _PretextFileSystem

/// The run's report, `report.html` beside the checkpoints: one self-contained page (inline
/// CSS and SVG, no scripts, no network) drawing `log.jsonl` — the training loss, learning
/// rate, gradient norm and throughput per logged step, every held-out metric per evaluation,
/// and the linear probes — so a run can be read in a browser without any tool.
///
/// Built from the log, not from memory, so a resumed run's report shows the whole run; where a
/// resumed run logged a step again, the last line for that step counts.
public struct TrainingReport {
    /// The file name in the run directory.
    public static let fileName = "report.html"

    /// One parsed log line.
    struct Line {
        var step: Int
        var split: String
        var numbers: [String: Double]
        var texts: [String: String]
    }

    let title: String
    let lines: [Line]

    /// The report of the log at `logPath`, headed `title`.
    /// - Throws: `.io` when the log cannot be read; a line that is not a JSON object is skipped
    ///   (a line cut by a crash).
    public init(logPath: String, title: String) throws {
        let text = try FileText.read(logPath)
        self.title = title
        self.lines = Self.lastPerStep(text.split(separator: "\n").compactMap { Self.parse(String($0)) })
    }

    /// Writes the page to `path` (atomically).
    public func write(to path: String) throws {
        try FileSystem.writeAtomically(Array(html.utf8), to: path)
    }

    static func parse(_ text: String) -> Line? {
        guard let data = text.data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
            let step = (object["step"] as? NSNumber)?.intValue
        else { return nil }
        var numbers: [String: Double] = [:]
        var texts: [String: String] = [:]
        for (key, value) in object {
            if let string = value as? String {
                texts[key] = string
            } else if let number = value as? NSNumber {
                numbers[key] = number.doubleValue
            }
        }
        return Line(step: step, split: texts["split"] ?? "train", numbers: numbers, texts: texts)
    }

    /// The lines with, for each (split, step), only the last one logged.
    static func lastPerStep(_ lines: [Line]) -> [Line] {
        var latest: [String: Int] = [:]
        for (index, line) in lines.enumerated() { latest["\(line.split) \(line.step)"] = index }
        return lines.indices.filter { latest["\(lines[$0].split) \(lines[$0].step)"] == $0 }.map { lines[$0] }
            .sorted { $0.step < $1.step }
    }

    /// The page.
    var html: String {
        var page = HTMLWriter()
        page.raw("<!DOCTYPE html>")
        page.element("html", [("lang", "en")]) { document in
            document.element("head") { head in
                head.raw("<meta charset=\"utf-8\"/>")
                head.element("title", text: "Pretext training report: " + title)
                head.element("style", text: Self.style)
            }
            document.element("body") { body in
                body.element("h1", text: "Training report")
                body.element("p", text: title)
                summary(into: &body)
                trainingCharts(into: &body)
                evaluationCharts(into: &body)
                probes(into: &body)
            }
        }
        return page.text
    }

    private func series(_ split: String, _ key: String, name: String? = nil, color: String) -> SVGLineChart.Series {
        let points = lines.filter { $0.split == split }.compactMap { line in
            line.numbers[key].map { (x: Double(line.step), y: $0) }
        }
        return SVGLineChart.Series(name: name ?? key, points: points, color: color)
    }

    private func summary(into body: inout HTMLWriter) {
        let training = lines.filter { $0.split == "train" }
        guard let last = training.last else {
            body.element("p", text: "No training step logged yet.")
            return
        }
        var rows: [[String]] = [["steps", String(last.step)]]
        if let first = training.first?.numbers["loss"], let final = last.numbers["loss"] {
            rows.append(["training loss, first → last logged", String(format: "%.4f → %.4f", first, final)])
        }
        if let rate = last.numbers["tokens_per_second"] { rows.append(["tokens/s", String(format: "%.0f", rate)]) }
        if let evaluation = lines.last(where: { $0.split == "eval" }) {
            for key in evaluation.numbers.keys.sorted() where key != "step" {
                rows.append([
                    "held-out \(key) (step \(evaluation.step))", String(format: "%.4f", evaluation.numbers[key] ?? 0),
                ])
            }
        }
        body.table(["", "value"], rows)
    }

    private func trainingCharts(into body: inout HTMLWriter) {
        body.element("h2", text: "Training")
        let charts: [(String, String)] = [
            ("training loss", "loss"), ("learning rate", "learning_rate"),
            ("gradient norm (before clipping)", "grad_norm"),
            ("tokens per second", "tokens_per_second"),
        ]
        for (title, key) in charts {
            SVGLineChart(title: title, series: [series("train", key, color: "#1f77b4")]).render(into: &body)
        }
    }

    private func evaluationCharts(into body: inout HTMLWriter) {
        let evaluations = lines.filter { $0.split == "eval" }
        guard !evaluations.isEmpty else { return }
        body.element("h2", text: "Held-out evaluation")
        let keys = Set(evaluations.flatMap(\.numbers.keys)).subtracting(["step"]).sorted()
        for key in keys {
            var lines = [series("eval", key, name: "held-out", color: "#d62728")]
            if key == "loss" { lines.append(series("train", "loss", name: "training", color: "#1f77b4")) }
            SVGLineChart(title: "held-out " + key, series: lines).render(into: &body)
        }
    }

    private func probes(into body: inout HTMLWriter) {
        let probes = lines.filter { $0.split == "probe" }
        guard !probes.isEmpty else { return }
        body.element("h2", text: "Linear probe")
        body.element(
            "p",
            text: "A linear classifier on the model's pooled embeddings, fitted on three quarters of the documents "
                + "and scored on the rest, by catalog column.")
        let rows = probes.map { probe -> [String] in
            [
                String(probe.step), probe.texts["column"] ?? "",
                String(format: "%.3f", probe.numbers["accuracy"] ?? .nan),
                String(format: "%.3f", probe.numbers["macro_f1"] ?? .nan),
                String(format: "%.3f", probe.numbers["majority_accuracy"] ?? .nan),
                String(Int(probe.numbers["classes"] ?? 0)), String(Int(probe.numbers["held_out"] ?? 0)),
            ]
        }
        body.table(["step", "column", "accuracy", "macro-F1", "majority class", "classes", "held out"], rows)
    }

    static let style = """
        body{font-family:sans-serif;max-width:720px;margin:24px auto;color:#222}
        table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}
        svg{display:block;margin:12px 0}.title{font-size:13px;font-weight:bold}.tick{font-size:11px;fill:#444}
        """
}
