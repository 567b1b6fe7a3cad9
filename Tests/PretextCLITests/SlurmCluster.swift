import Foundation
import PretextTestSupport
import Testing

/// The private single-node Slurm cluster the tests submit to: the one `scripts/test` starts
/// with `scripts/slurm/local-cluster start DIR` (its `SLURM_CONF` in the environment).
///
/// Tests that need it are skipped, with the reason, when no cluster answers `sinfo`; with
/// `PRETEXT_REQUIRE_SLURM=1` (set by `scripts/test`, so in CI) a missing cluster is a failure.
enum SlurmCluster {
    /// Whether a cluster answers (`sinfo -h` exits 0).
    static let answers: Bool = (try? ExternalTool.run("sinfo", ["-h"]))?.status == 0

    /// Whether the tests must have a cluster (`PRETEXT_REQUIRE_SLURM=1`).
    static let required = ProcessInfo.processInfo.environment["PRETEXT_REQUIRE_SLURM"] == "1"

    /// Why the Slurm tests are skipped.
    static let absence: Comment =
        "no Slurm cluster answers `sinfo`: start one with scripts/slurm/local-cluster start DIR and export SLURM_CONF"

    /// The job states Slurm lists in `squeue -t all` that are not final.
    private static let activeStates: Set<String> = [
        "PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING",
        "SUSPENDED", "STAGE_OUT", "SIGNALING",
    ]

    /// The queue: `(job id, state)` of every job the controller still knows.
    static func queue() throws -> [(id: String, state: String)] {
        let output = try ExternalTool.run("squeue", ["-h", "-t", "all", "-o", "%i %T"])
        return String(decoding: output.bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            return words.count == 2 ? (String(words[0]), String(words[1])) : nil
        }
    }

    /// Waits until no job of the cluster is pending or running, polling every half second.
    /// - Throws: when `timeout` seconds pass first, with the queue.
    static func waitUntilIdle(timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let active = try queue().filter { activeStates.contains($0.state) }
            if active.isEmpty { return }
            guard Date() < deadline else {
                throw SlurmTestError("jobs still active after \(Int(timeout)) s: \(active)")
            }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// Waits until `path` exists.
    static func waitForFile(_ path: String, timeout: Double) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !FileManager.default.fileExists(atPath: path) {
            guard Date() < deadline else { throw SlurmTestError("\(path) did not appear in \(Int(timeout)) s") }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// The state Slurm gives job (or array task) `id`, if it still knows it.
    static func state(of id: String) throws -> String? {
        try queue().first { $0.id == id }?.state
    }
}

/// A failure of the Slurm test harness (a timeout, a missing file).
struct SlurmTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
