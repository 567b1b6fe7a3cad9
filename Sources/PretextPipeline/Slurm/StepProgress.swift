/// How far one step of a pipeline has got: what a resubmission still has to run.
public struct StepProgress: Sendable, Equatable {
    /// Every rank's part is merged into the step's catalog: the step is complete.
    public var merged: Bool
    /// The ranks whose final pass is done (finished or merged).
    public var doneRanks: Set<Int>
    /// The ranks with a manifest, per phase of a phased stage.
    public var phaseRanks: [String: Set<Int>]

    /// Creates a progress record.
    public init(merged: Bool = false, doneRanks: Set<Int> = [], phaseRanks: [String: Set<Int>] = [:]) {
        self.merged = merged
        self.doneRanks = doneRanks
        self.phaseRanks = phaseRanks
    }

    /// A step nothing of which has run.
    public static let untouched = StepProgress()

    /// A complete step.
    public static let complete = StepProgress(merged: true)

    /// The ranks of `0..<worldSize` that still have to run `phase` (`nil`: the final pass).
    ///
    /// When every rank's final pass is done, no phase has to run again (the runner skips the
    /// phases of such a step, even when its work area is gone).
    public func pendingRanks(phase: String?, worldSize: Int) -> [Int] {
        if merged || doneRanks.count >= worldSize { return [] }
        guard let phase else { return (0..<worldSize).filter { !doneRanks.contains($0) } }
        let finished = phaseRanks[phase] ?? []
        return (0..<worldSize).filter { !finished.contains($0) }
    }
}
