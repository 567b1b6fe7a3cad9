import PretextCore
import PretextStore

/// A stage that reads a dataset's documents one by one and keeps (possibly changed) or drops
/// each: normalize, segment, language, quality, pii.
///
/// Conforming types only say what to do with one document (`DocumentWorker.process`); the
/// shared driver plans the input shards, streams records and their catalog rows, carries
/// every earlier signal forward, writes kept documents with their new signals and puts
/// dropped ones, whole, in `rejects/` with the reason.
public protocol DocumentStage: Stage where Unit == ShardUnit {
    /// Per-task state (ICU handles, buffers); made once per task, used on one thread.
    associatedtype Worker: DocumentWorker

    /// Makes the state of one task.
    func makeWorker() throws -> Worker

    /// Whether, as configured, the stage keeps every document and never changes its text (it
    /// only adds catalog columns). The driver then links the input's shards into the output
    /// instead of rewriting them (`docs/formats.md`, "Linked shards"); a worker that drops or
    /// changes a document anyway fails the task. Default `false`.
    var keepsDocumentsUnchanged: Bool { get }

    /// Called once per task after its last document, with the task's worker: where a stage
    /// saves what its worker gathered (`StageTask.writeResult`) for the step's end. Default:
    /// nothing.
    func finishTask(_ worker: Worker, in task: StageTask) throws
}

/// Processes the documents of one task, one at a time.
public protocol DocumentWorker {
    /// Looks at (and may change) one document and its catalog row; returns keep or drop.
    ///
    /// - Throws: only for failures of the task itself; a bad document is a `.drop`.
    mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict
}

/// What a document stage decided about one document.
public enum DocumentVerdict: Sendable, Equatable {
    /// Pass the document on.
    case keep
    /// Drop it, with a reason (a rule name) and a detail for people (never corpus text).
    case drop(reason: String, detail: String)
}

extension DocumentStage {
    /// The document shards of the input dataset, in catalog order.
    public func plan(_ input: StageInput) throws -> [ShardUnit] {
        try ShardUnit.plan(input, stage: Self.descriptor.name)
    }

    /// The shards cut into one equal stretch per task at frame boundaries
    /// (`ShardUnit.planTasks`).
    public func planTasks(_ input: StageInput, worldSize: Int) throws -> [[ShardUnit]] {
        try ShardUnit.planTasks(input, stage: Self.descriptor.name, worldSize: worldSize)
    }

    /// Documents may be changed or dropped.
    public var keepsDocumentsUnchanged: Bool { false }

    /// Nothing to save.
    public func finishTask(_ worker: Worker, in task: StageTask) throws {}

    /// Runs this task's shards through a fresh worker, then `finishTask`. A stage that keeps
    /// documents unchanged links whole shards; a shard split across tasks is rewritten (its
    /// frames hold documents of two tasks).
    public func run(_ units: [ShardUnit], in task: StageTask) throws {
        var driver = DocumentStageDriver(stage: Self.descriptor.name, worker: try makeWorker(), task: task)
        for unit in units {
            if keepsDocumentsUnchanged && unit.isWholeShard {
                try driver.annotate(unit)
            } else {
                try driver.process(unit)
            }
        }
        try finishTask(driver.worker, in: task)
    }
}
