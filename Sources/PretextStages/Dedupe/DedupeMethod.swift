import PretextCore
import PretextStore

/// One way of removing duplicates: its whole-corpus phases and its final pass.
protocol DedupeMethod: Sendable {
    /// The phases before the final pass.
    func phases(units: [ShardUnit]) -> [any StagePhase]
    /// The names of those phases, without units.
    func phaseNames() -> [String]
    /// The final pass: writes the deduplicated dataset through `task`.
    func run(_ units: [ShardUnit], in task: StageTask) throws
}
