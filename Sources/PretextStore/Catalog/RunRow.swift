/// The counts a task reports when it finishes; stored in `runs`.
public struct RunCounts: Sendable, Equatable {
    /// Documents read.
    public var docsIn: Int
    /// Documents written (`nil`: the number the writer stored).
    public var docsOut: Int?
    /// Documents dropped (`nil`: the number of rejects the writer stored).
    public var docsRejected: Int?
    /// Input files read.
    public var filesIn: Int?
    /// Input bytes read.
    public var bytesIn: Int?

    /// Creates counts.
    public init(docsIn: Int, docsOut: Int? = nil, docsRejected: Int? = nil, filesIn: Int? = nil, bytesIn: Int? = nil) {
        self.docsIn = docsIn
        self.docsOut = docsOut
        self.docsRejected = docsRejected
        self.filesIn = filesIn
        self.bytesIn = bytesIn
    }
}

/// A row of `runs`: one task of one stage step.
public struct RunRow: Sendable, Equatable {
    /// The pipeline step.
    public var step: Int
    /// The stage name.
    public var stage: String
    /// A hash of the stage's configuration; a re-run with another hash is not skipped.
    public var configHash: String
    /// The task's rank.
    public var rank: Int
    /// The number of tasks.
    public var worldSize: Int
    /// Where the task stands.
    public var status: RunStatus
    /// Documents read.
    public var docsIn: Int?
    /// Documents written.
    public var docsOut: Int?
    /// Documents dropped.
    public var docsRejected: Int?
    /// Input files.
    public var filesIn: Int?
    /// Input bytes.
    public var bytesIn: Int?
    /// Output bytes (uncompressed).
    public var bytesOut: Int?
    /// Start time (ISO 8601, UTC).
    public var startedAt: String?
    /// Finish time (ISO 8601, UTC).
    public var finishedAt: String?
}

/// Where a task stands, as `runs.status` spells it: `running`, `done` or `failed` (a catalog
/// may hold another word; it reads as itself and counts as not done).
public struct RunStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The word stored in `runs.status`.
    public let rawValue: String

    /// The status spelled `rawValue`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The task has started and not finished (or was killed).
    public static let running = RunStatus(rawValue: "running")
    /// The task finished; its output is complete.
    public static let done = RunStatus(rawValue: "done")
    /// The task stopped with an error; a rerun redoes it.
    public static let failed = RunStatus(rawValue: "failed")

    public var description: String { rawValue }
}
