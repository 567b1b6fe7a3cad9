import PretextStore

/// What running one pipeline step did.
public struct StepReport: Sendable {
    /// The 1-based step index.
    public var step: Int
    /// The stage name.
    public var stage: String
    /// The step's output dataset.
    public var dataset: Dataset
    /// Ranks this process ran.
    public var ranksRun: [Int] = []
    /// Ranks this process skipped because they had finished before.
    public var ranksSkipped: [Int] = []
    /// Whether the step's parts are merged into its catalog (the step is complete).
    public var merged = false
    /// Ranks still running elsewhere (multi-process runs), when not merged.
    public var waitingFor: String?
    /// What a finishing stage reported after the merge (the audit's summary), one line each.
    public var notes: [String] = []
    /// Records read by the ranks run now.
    public var documentsIn = 0
    /// Documents written by the ranks run now.
    public var kept = 0
    /// Records rejected by the ranks run now.
    public var rejected = 0
    /// Whole-file drops by the ranks run now.
    public var fileDrops = 0

    /// Creates an empty report.
    public init(step: Int, stage: String, dataset: Dataset) {
        self.step = step
        self.stage = stage
        self.dataset = dataset
    }

    /// One line for people.
    public var line: String {
        var text = "step \(step) (\(stage)): "
        if ranksRun.isEmpty {
            text += waitingFor == nil ? "already done, skipped" : "this process's ranks are done"
        } else {
            text += "\(documentsIn) records in, \(kept) kept, \(rejected) rejected"
            if fileDrops > 0 { text += ", \(fileDrops) file-level drops" }
            text += "; ran rank" + (ranksRun.count == 1 ? " " : "s ") + ranksRun.map(String.init).joined(separator: ",")
            if !ranksSkipped.isEmpty { text += ", skipped " + ranksSkipped.map(String.init).joined(separator: ",") }
        }
        if let waitingFor { text += "; not merged yet: \(waitingFor)" }
        return text
    }
}
