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
    /// The phase run alone (`RunSettings.phase`), or `nil` for a whole step.
    public var phase: String?
    /// Whether the step's parts are merged into its catalog (the step is complete).
    public var merged = false
    /// Ranks whose parts this call merged (none when the step was found merged).
    public var ranksMerged: [Int] = []
    /// Whether the parts were left for `pretext merge` (`RunSettings.merges` off).
    public var mergeDeferred = false
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
        var text = "step \(step) (\(stage))" + (phase.map { ", phase \($0)" } ?? "") + ": " + whatRan
        if mergeDeferred { text += "; not merged (--no-merge)" }
        if let waitingFor { text += "; not merged yet: \(waitingFor)" }
        return text
    }

    /// What this call did: the tasks it ran, the ranks it merged, or that it found them done.
    private var whatRan: String {
        if ranksRun.isEmpty {
            if !ranksMerged.isEmpty { return "merged " + Self.ranks(ranksMerged) }
            if waitingFor != nil { return "this process's ranks are done" }
            // No task considered: a merge (`pretext merge`) that found the step merged.
            return merged && ranksSkipped.isEmpty && phase == nil ? "already merged" : "already done, skipped"
        }
        var text = ""
        if phase == nil {
            text = "\(documentsIn) records in, \(kept) kept, \(rejected) rejected"
            if fileDrops > 0 { text += ", \(fileDrops) file-level drops" }
            text += "; "
        }
        text += "ran " + Self.ranks(ranksRun)
        if !ranksSkipped.isEmpty { text += ", skipped " + ranksSkipped.map(String.init).joined(separator: ",") }
        return text
    }

    /// `rank 2`, `ranks 0,1,2`.
    static func ranks(_ ranks: [Int]) -> String {
        "rank" + (ranks.count == 1 ? " " : "s ") + ranks.map(String.init).joined(separator: ",")
    }
}
