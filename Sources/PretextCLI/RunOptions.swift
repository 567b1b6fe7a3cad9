import ArgumentParser
import Pretext

/// Flags shared by `run` and `stage`: how many tasks, which rank, how to report.
struct RunOptions: ParsableArguments {
    @Option(help: "Run this many tasks at once on this machine (overrides the pipeline's execution.workers).")
    var workers: Int?

    @Option(help: "Run only this task (0-based), for multi-process runs; needs --world-size.")
    var rank: Int?

    @Option(name: .customLong("world-size"), help: "The number of tasks of a multi-process run; needs --rank.")
    var worldSize: Int?

    @Flag(help: "Replace a step's dataset that was written with a different configuration.")
    var overwrite = false

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1") }
        if (rank == nil) != (worldSize == nil) { throw ValidationError("--rank and --world-size go together") }
        if let rank, let worldSize, !(0..<max(worldSize, 1)).contains(rank) || worldSize < 1 {
            throw ValidationError("--rank must be in 0..<--world-size")
        }
    }

    var settings: RunSettings {
        RunSettings(
            workers: workers, rank: rank, worldSize: worldSize, overwrite: overwrite,
            progressStyle: quiet ? .silent : nil)
    }
}

/// Prints step reports and the final dataset's summary, and picks the exit code: 3 when some
/// input could not be read (records or files ingest rejected as unreadable, also in steps
/// skipped because they had finished before); documents a stage dropped by its rules are a
/// success.
enum RunOutcome {
    /// Prints the steps' lines and the last dataset's summary, then throws `unreadableInput`
    /// when some input could not be read.
    static func finish(_ reports: [StepReport]) throws {
        if try report(reports) { throw ExitCodes.unreadableInput }
    }

    /// Prints the steps' lines and the last dataset's summary; `true` when some input could
    /// not be read (said on standard error). `mergeCommand` is what merges a step left
    /// unmerged (`--no-merge`).
    static func report(_ reports: [StepReport], mergeCommand: String? = nil) throws -> Bool {
        for report in reports {
            print(report.line)
            for note in report.notes { print(note) }
        }
        guard let last = reports.last else { return false }
        guard last.merged else {
            print(unmergedLine(last, mergeCommand: mergeCommand))
            return false
        }
        let summaries = try reports.map { try DatasetSummary.load($0.dataset) }
        print("")
        print("dataset \(last.dataset.root)")
        print(summaries[summaries.count - 1].description)
        let unreadable = summaries.map(\.unreadableInputs).reduce(0, +)
        guard unreadable > 0 else { return false }
        StandardError.write(
            "pretext: \(unreadable) input record\(unreadable == 1 ? "" : "s") or file\(unreadable == 1 ? "" : "s") "
                + "could not be read: kept in rejects/ with the reason (pretext inspect lists them); exit status 3\n")
        return true
    }

    /// The last line of a run that leaves its step unmerged: what this process finished and
    /// what completes the step.
    static func unmergedLine(_ report: StepReport, mergeCommand: String?) -> String {
        let ranks = (report.ranksRun + report.ranksSkipped).sorted()
        let finished = (ranks.count == 1 ? "rank " : "ranks ") + ranks.map(String.init).joined(separator: ",")
        if let phase = report.phase {
            return "\(finished) finished phase \(phase) of step \(report.step); the next phase (or the final pass) "
                + "runs once every rank has finished it"
        }
        if report.mergeDeferred { return "\(finished) finished; merge with `\(mergeCommand ?? "pretext merge")`" }
        return "rank finished; the step completes when the remaining ranks finish"
    }
}
