import PretextCore

/// The batch script of one job of a plan: `#SBATCH` lines (name, log, directory, resources),
/// then `pretext` run in the background with signal traps, the task's state files written
/// around it, and its exit status passed on.
///
/// A task job's rank is `SLURM_ARRAY_TASK_ID` plus the chunk's offset, which `pretext slurm
/// --submit` passes as the script's first argument (an array index must stay below the
/// cluster's MaxArraySize). `--array` and `--dependency` are given on the `sbatch` command
/// line too: they depend on the submission.
///
/// Signals: `TERM` (`scancel`, or the time limit without `requeue`) is passed to `pretext`,
/// and the task is recorded `cancelled`. With `requeue`, Slurm sends `USR1` to the batch
/// shell `signal_seconds` before the time limit; the script stops `pretext` (a task writes
/// its shards under temporary names and records itself done only at the end, so a stopped
/// task is redone from scratch), records `requeued`, requeues itself and exits 0.
public struct SlurmScript: Sendable {
    /// The plan the job belongs to.
    public let plan: SlurmPlan
    /// The job.
    public let job: SlurmJob
    /// The job's settings, every level applied (`SlurmSection.settings(for:flags:)`).
    public let settings: SlurmSettings

    /// Creates the script of `job`.
    public init(plan: SlurmPlan, job: SlurmJob, settings: SlurmSettings) {
        self.plan = plan
        self.job = job
        self.settings = settings
    }

    /// The exit status `pretext` uses for a run that finished with unreadable input kept in
    /// `rejects/`: the step's output is complete, so the job counts as a success.
    static let unreadableInputStatus = 3

    private var directory: SlurmDirectory { SlurmDirectory(output: plan.output) }
    private var isArray: Bool { job.kind == .tasks }

    /// The script's text.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when a path the `#SBATCH` lines name
    ///   holds characters Slurm would misread (white space, quotes, `%`, `\`).
    public func text() throws -> String {
        for path in [plan.output, plan.directory] { try Self.checkSBATCHPath(path) }
        var lines = ["#!/bin/bash"] + header + sbatchLines.map { "#SBATCH " + $0 } + [""]
        lines += setup + [""] + traps + [""]
        let prolog = settings[SlurmSettings.prolog] ?? ""
        if !prolog.isEmpty { lines += ["# prolog (execution.slurm.prolog)", prolog, ""] }
        lines += run
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: parts

    private var header: [String] {
        var what = "step \(job.step.map(String.init) ?? "") (\(job.stage ?? ""))"
        switch job.kind {
        case .tasks: what += job.phase.map { ", phase \($0)," } ?? ", final pass,"
        case .merge: what = "the merge of " + what + ","
        case .train: what = "the training of the pipeline's train: section,"
        }
        var lines = ["# pretext slurm: pipeline '\(plan.name)', job \(job.name): \(what) world size \(plan.worldSize)."]
        if isArray {
            lines += [
                "# An array: rank = SLURM_ARRAY_TASK_ID + the first argument (the chunk's offset).",
                "# `pretext slurm --submit` adds --array, --dependency and the offset (see plan.json).",
            ]
        } else {
            lines.append("# `pretext slurm --submit` adds --dependency (see plan.json).")
        }
        return lines
    }

    /// The `#SBATCH` options, without the `#SBATCH ` prefix.
    var sbatchLines: [String] {
        var lines = [
            "--job-name=" + Self.jobName(pipeline: plan.name, job: job.name),
            "--output=" + directory.logPattern(job.name, isArray: isArray),
            "--open-mode=append",
            "--chdir=" + plan.directory,
            "--kill-on-invalid-dep=yes",
            "--ntasks=1",
            "--cpus-per-task=\(settings[SlurmSettings.cpusPerTask] ?? 1)",
        ]
        for key in [SlurmSettings.partition, SlurmSettings.account, SlurmSettings.mem, SlurmSettings.time] {
            if let value = settings[key], !value.isEmpty { lines.append("--\(key.spec.name)=\(value)") }
        }
        if requeue {
            lines += ["--requeue", "--signal=B:USR1@\(settings[SlurmSettings.signalSeconds] ?? 120)"]
        }
        return lines
    }

    private var requeue: Bool { settings[SlurmSettings.requeue] ?? false }

    private var setup: [String] {
        let state = directory.state(of: job.name)
        var lines = [
            "set -u",
            "PRETEXT=" + Self.quoted(plan.executable),
            "PIPELINE=" + Self.quoted(plan.pipeline),
            "STATE=" + Self.quoted(state),
        ]
        if isArray {
            lines += [
                "RANK=$((${SLURM_ARRAY_TASK_ID:?submit with sbatch --array} + ${1:-0}))",
                "TASK=$(printf 'rank-%05d' \"$RANK\")",
                "SLURM_TASK=\"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\"",
                "LOG=" + Self.quoted(directory.logs + "/" + job.name) + "_\"$SLURM_TASK\".out",
            ]
        } else {
            lines += [
                "TASK=job",
                "SLURM_TASK=\"${SLURM_JOB_ID:?submit with sbatch}\"",
                "LOG=" + Self.quoted(directory.logs + "/" + job.name) + "_\"$SLURM_TASK\".out",
            ]
        }
        lines += [
            "mkdir -p \"$STATE\"",
            "rm -f \"$STATE/$TASK.exit\"",
            "printf 'host %s\\nstarted %s\\njob %s\\nrestarts %s\\nlog %s\\n' \"$(hostname)\" "
                + "\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$SLURM_TASK\" \"${SLURM_RESTART_COUNT:-0}\" \"$LOG\" "
                + "> \"$STATE/$TASK.start\"",
        ]
        return lines
    }

    private var traps: [String] {
        var lines = [
            "CHILD=",
            "record() { printf '%s\\n' \"$1\" > \"$STATE/$TASK.exit\"; }",
            "stop_child() { if [ -n \"$CHILD\" ]; then kill -TERM \"$CHILD\" 2>/dev/null; wait \"$CHILD\"; fi; }",
            "on_term() { stop_child; record cancelled; exit 143; }",
            "trap on_term TERM",
        ]
        if requeue {
            lines += [
                "on_usr1() {",
                "  echo \"pretext slurm: $SLURM_TASK warned of its end: stopping pretext, requeueing\"",
                "  stop_child; record requeued",
                "  scontrol requeue \"$SLURM_TASK\"",
                "  exit 0",
                "}",
                "trap on_usr1 USR1",
            ]
        }
        return lines
    }

    private var run: [String] {
        let who = isArray ? " rank $RANK of \(plan.worldSize)" : ""
        return [
            "echo \"pretext slurm: \(job.name)\(who) on $(hostname), Slurm job $SLURM_TASK\"",
            command + " &",
            "CHILD=$!",
            "wait \"$CHILD\"",
            "STATUS=$?",
            "CHILD=",
            "record \"$STATUS\"",
            "# \(Self.unreadableInputStatus): finished, some input could not be read (kept in rejects/): a success here.",
            "if [ \"$STATUS\" -eq \(Self.unreadableInputStatus) ]; then exit 0; fi",
            "exit \"$STATUS\"",
        ]
    }

    /// The `pretext` command line of the job (with the script's variables).
    var command: String {
        switch job.kind {
        case .tasks:
            var words = [
                "\"$PRETEXT\"", "run", "\"$PIPELINE\"", "--rank", "\"$RANK\"", "--world-size", "\(plan.worldSize)",
                "--step", "\(job.step ?? 0)",
            ]
            if let phase = job.phase { words += ["--phase", Self.quoted(phase)] }
            return (words + ["--no-merge"]).joined(separator: " ")
        case .merge:
            return "\"$PRETEXT\" merge \"$PIPELINE\" --step \(job.step ?? 0) --world-size \(plan.worldSize)"
        case .train:
            return "\"$PRETEXT\" run \"$PIPELINE\" --step train --workers \(plan.worldSize)"
        }
    }

    // MARK: text helpers

    /// `pretext-PIPELINE-JOB`, with characters Slurm or a shell could misread replaced by `_`.
    static func jobName(pipeline: String, job: String) -> String {
        let safe = ("pretext-" + pipeline + "-" + job).map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
                ? character : "_"
        }
        return String(safe)
    }

    /// `text` in single quotes for the shell.
    static func quoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    /// Refuses a path that an `#SBATCH` line could not hold as it is.
    static func checkSBATCHPath(_ path: String) throws {
        let refused = path.first { $0.isWhitespace || "%\"'\\".contains($0) || $0.asciiValue.map { $0 < 32 } == true }
        guard let refused else { return }
        throw PretextError(
            .invalidConfiguration,
            "Slurm cannot name this folder in a batch script (it holds '\(refused.isWhitespace ? " " : String(refused))'); "
                + "use an output folder and a working directory without spaces, quotes, % or \\",
            path: path)
    }
}
