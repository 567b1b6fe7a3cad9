import _PretextFileSystem

/// A pipeline's output folder at a glance (`pretext inspect OUTPUT`): per step, documents in,
/// kept and dropped (from its done runs) and its drops by reason.
public struct PipelineOutputSummary: Sendable, Equatable, Codable {
    /// One step's line.
    public struct Step: Sendable, Equatable, Codable {
        /// The dataset folder's name (`04-quality`).
        public var name: String
        /// The step number.
        public var index: Int
        /// The stage.
        public var stage: String
        /// Its totals.
        public var totals: StepTotals
    }

    /// The output folder.
    public var path: String
    /// The steps, in order.
    public var steps: [Step]

    /// Reads every step's catalog of the output folder at `path` (read-only).
    ///
    /// - Throws: `PipelineOutput.open`'s errors; `PretextError` for an unreadable catalog.
    public static func load(_ path: String) throws -> PipelineOutputSummary {
        let output = try PipelineOutput.open(at: path)
        let steps = try output.steps.map { step in
            Step(
                name: step.name, index: step.index, stage: step.stage,
                totals: try step.dataset.openCatalog(readOnly: true).stepTotals())
        }
        return PipelineOutputSummary(path: path, steps: steps)
    }

    /// Two tables: per step documents in, kept and dropped; then drops by step and reason.
    public var text: String {
        var lines = ["\(path): \(steps.count) steps", ""]
        lines +=
            TextTable(
                header: ["step", "in", "kept", "dropped"],
                rows: steps.map {
                    [$0.name, String($0.totals.documentsIn), String($0.totals.kept), String($0.totals.dropped)]
                }
            ).lines
        let reasons = steps.flatMap { step in
            step.totals.dropsByReason.map { [step.name, $0.reason, String($0.count)] }
        }
        if !reasons.isEmpty {
            lines.append("")
            lines += TextTable(header: ["step", "reason", "drops"], rows: reasons).lines
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
