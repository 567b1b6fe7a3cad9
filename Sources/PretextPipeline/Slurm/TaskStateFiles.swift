import _PretextFileSystem

/// What a job's batch script recorded about one task in `OUTPUT/slurm/state/JOB/`: the
/// `.start` file (`host`, `started`, `job`, `restarts`, `log` lines) and the `.exit` file (the
/// exit status, `cancelled` or `requeued`).
struct TaskStateFiles: Sendable, Equatable {
    /// The `.start` file's fields, if the task started.
    var start: [String: String]?
    /// The `.exit` file's word, if the task ended.
    var exit: String?

    /// Reads the state files of `rank` (nil: a plain job) of `job`.
    init(directory: SlurmDirectory, job: String, rank: Int?) {
        start = (try? FileText.read(directory.startFile(job, rank: rank))).map(Self.fields)
        exit = (try? FileText.read(directory.exitFile(job, rank: rank)))?.split(separator: "\n").first.map(String.init)
    }

    /// `key value` lines as a dictionary.
    static func fields(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        return fields
    }

    /// Whether the recorded exit status means the work finished (0, or 3: finished with
    /// unreadable input kept in `rejects/`).
    var exitedSuccessfully: Bool {
        exit == "0" || exit == String(SlurmScript.unreadableInputStatus)
    }
}
