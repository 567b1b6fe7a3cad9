/// What Slurm's queue says about a plan's jobs: one entry per job or array task, as
/// `squeue -h -r -t all -o "%i %T %r"` prints them (`123_4 RUNNING None`).
public struct SlurmQueue: Sendable, Equatable {
    /// One line of `squeue`.
    public struct Entry: Sendable, Equatable {
        /// The job id (an array's own id for its tasks).
        public var jobID: String
        /// The array index, for an array task.
        public var index: Int?
        /// Slurm's state: `PENDING`, `RUNNING`, `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`…
        public var state: String
        /// Slurm's reason (`Dependency`, `DependencyNeverSatisfied`, `None`).
        public var reason: String

        /// Creates an entry.
        public init(jobID: String, index: Int?, state: String, reason: String) {
            self.jobID = jobID
            self.index = index
            self.state = state
            self.reason = reason
        }

        /// Whether the job has not ended: queued, starting, running, being requeued or suspended.
        public var isActive: Bool { Self.activeStates.contains(state) }

        /// Whether it is running (or starting, or finishing).
        public var isRunning: Bool {
            ["RUNNING", "CONFIGURING", "COMPLETING", "STAGE_OUT", "SIGNALING"].contains(state)
        }

        static let activeStates: Set<String> = [
            "PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED",
            "RESIZING", "SUSPENDED", "STAGE_OUT", "SIGNALING",
        ]
    }

    /// The entries.
    public var entries: [Entry]

    /// Creates a queue view.
    public init(entries: [Entry] = []) { self.entries = entries }

    /// Parses `squeue -h -o "%i %T %r"` output. Pending array tasks shown as a range
    /// (`123_[0-3%2]`, without `-r`) become one entry per index; lines that are not entries are
    /// skipped.
    public init(parsing text: String) {
        var entries: [Entry] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 2 else { continue }
            let reason = fields.count == 3 ? fields[2] : ""
            let id = fields[0].split(separator: "_", maxSplits: 1).map(String.init)
            guard let jobID = id.first, !jobID.isEmpty, jobID.allSatisfy(\.isNumber) else { continue }
            guard id.count == 2 else {
                entries.append(Entry(jobID: jobID, index: nil, state: fields[1], reason: reason))
                continue
            }
            var indices = id[1]
            if indices.hasPrefix("[") && indices.hasSuffix("]") { indices = String(indices.dropFirst().dropLast()) }
            for index in SlurmIndexList.values(indices) ?? [] {
                entries.append(Entry(jobID: jobID, index: index, state: fields[1], reason: reason))
            }
        }
        self.entries = entries
    }

    /// The entry of a job (`index` nil) or of one array task.
    public func entry(jobID: String, index: Int?) -> Entry? {
        entries.last { $0.jobID == jobID && $0.index == index }
    }

    /// The entries of a job and its array tasks.
    public func entries(jobID: String) -> [Entry] { entries.filter { $0.jobID == jobID } }
}
