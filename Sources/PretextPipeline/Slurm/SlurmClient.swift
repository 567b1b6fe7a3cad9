import Foundation
import PretextCore

/// Runs Slurm's command-line tools (`sbatch`, `squeue`, `scontrol`) found on `PATH`, with
/// the environment of this process (`SLURM_CONF` and the like).
public struct SlurmClient: Sendable {
    /// What a tool printed and how it ended.
    public struct Output: Sendable, Equatable {
        /// The exit status (127: the tool was not found).
        public var status: Int32
        /// Its standard output.
        public var stdout: String
        /// Its standard error.
        public var stderr: String
    }

    /// Creates a client.
    public init() {}

    /// Runs `tool ARGUMENTS` and waits for it.
    ///
    /// - Throws: `PretextError(.io)` when no process can be started.
    public func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw PretextError(.io, "cannot start \(tool): \(error)")
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The cluster's `MaxArraySize` from `scontrol show config`, or `nil` when `scontrol` is
    /// missing or cannot reach the cluster.
    public func maxArraySize() -> Int? {
        guard let output = try? run("scontrol", ["show", "config"]), output.status == 0 else { return nil }
        return Self.maxArraySize(showConfig: output.stdout)
    }

    /// `MaxArraySize` from the text of `scontrol show config` (`MaxArraySize = 1001`).
    public static func maxArraySize(showConfig text: String) -> Int? {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "MaxArraySize" else { continue }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    /// Submits `script` with `sbatch --parsable OPTIONS script ARGUMENTS`.
    ///
    /// - Returns: the job id.
    /// - Throws: `PretextError(.io)` with what `sbatch` said when it fails.
    public func submit(script: String, options: [String], arguments: [String]) throws -> String {
        let output = try run("sbatch", ["--parsable"] + options + [script] + arguments)
        guard output.status == 0, let id = Self.jobID(sbatchOutput: output.stdout) else {
            let said = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            throw PretextError(
                .io,
                "sbatch failed (exit status \(output.status))" + (said.isEmpty ? "" : ": \(said)"), path: script)
        }
        return id
    }

    /// The job id in `sbatch --parsable` output (`123` or `123;cluster`).
    public static func jobID(sbatchOutput text: String) -> String? {
        let first = text.split(separator: "\n").first.map(String.init) ?? ""
        let id = String(first.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces)
        return !id.isEmpty && id.allSatisfy(\.isNumber) ? id : nil
    }

    /// What Slurm's queue says about `jobIDs` (finished jobs too, while Slurm remembers them),
    /// or `nil` when `squeue` is missing or cannot reach the cluster.
    public func queue(jobIDs: [String]) -> SlurmQueue? {
        guard !jobIDs.isEmpty else { return SlurmQueue() }
        let format = ["-h", "-r", "-t", "all", "-o", "%i %T %r"]
        guard let output = try? run("squeue", format + ["-j", jobIDs.joined(separator: ",")]) else { return nil }
        if output.status == 0 { return SlurmQueue(parsing: output.stdout) }
        // squeue refuses the whole list when one id is no longer known: ask for every job.
        guard output.stderr.contains("Invalid job id"), let all = try? run("squeue", format), all.status == 0
        else { return nil }
        let wanted = Set(jobIDs)
        return SlurmQueue(entries: SlurmQueue(parsing: all.stdout).entries.filter { wanted.contains($0.jobID) })
    }
}
