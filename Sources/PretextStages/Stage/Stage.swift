import PretextCore

/// A step of a pipeline: reads a dataset (or raw input files) and writes a new dataset.
///
/// A stage never mutates its input. The runner asks it to `plan` its input as units of work
/// (input files, input shards), spreads the units over tasks (ranks), and calls `run` once
/// per task with that task's units and a `StageTask` holding the task's own output writer.
/// Tasks share nothing: each writes its own shards and catalog part, merged at the end.
public protocol Stage: Sendable {
    /// A unit of work: one input file, one input shard.
    associatedtype Unit: StageUnit

    /// The stage's name, options and input kind.
    static var descriptor: StageDescriptor { get }

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for option combinations that make no sense.
    init(options: StageOptions) throws

    /// Lists the units of work in `input`, in a deterministic order.
    ///
    /// - Throws: `PretextError` when the input is missing or of the wrong kind.
    func plan(_ input: StageInput) throws -> [Unit]

    /// The units of each task `0..<worldSize`, deterministic for the same input and world
    /// size; their concatenation is the step's plan (its configuration hash). By default
    /// `plan(input)` spread by `UnitBalancer`; stages that can cut units finer (byte ranges
    /// of a large file, frame ranges of a shard) override it to keep every task busy.
    ///
    /// - Throws: `PretextError` when the input is missing or of the wrong kind.
    func planTasks(_ input: StageInput, worldSize: Int) throws -> [[Unit]]

    /// Processes `units` as one task, writing through `task`.
    ///
    /// - Throws: only for failures that make the whole task fail (an output disk error);
    ///   bad input records are rejected through `task`, never thrown.
    func run(_ units: [Unit], in task: StageTask) throws
}

extension Stage {
    /// `plan(input)`, spread over the tasks by `UnitBalancer`.
    public func planTasks(_ input: StageInput, worldSize: Int) throws -> [[Unit]] {
        UnitBalancer.assign(try plan(input), worldSize: worldSize)
    }
}

/// A unit of work of a stage, as the runner sees it: a stable key and a size for balancing.
public protocol StageUnit: Sendable {
    /// A stable identity (a path); part of the step's configuration hash.
    var key: String { get }
    /// The size in bytes, used to balance units over tasks.
    var bytes: Int64 { get }
}

/// What a step reads.
public enum StageInput: Sendable {
    /// Raw input files, directories or globs (for the ingest stage).
    case files([InputSpec])
    /// A dataset directory written by an earlier step.
    case dataset(path: String)
}
