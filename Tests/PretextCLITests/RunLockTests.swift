import Foundation
import PretextTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One `pretext run` per output and rank at a time (issue 12, case 7), with real processes:
/// a second run fails at once naming the first, a killed run's lock is gone, and the ranks of
/// one multi-process run do not stop each other.
@Suite struct RunLockTests {
    static let lines = 6000

    /// Two JSONL files of `lines` records each, seeded: a run takes a few seconds.
    private func writeInputs(_ scratch: TemporaryDirectory) throws {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407  // LCG step; wrapping by design
            return state >> 33
        }
        for file in 0..<2 {
            var text = ""
            for line in 0..<Self.lines {
                let words = (0..<(40 + Int(next() % 80))).map { _ in "w\(next() % 3000)" }.joined(separator: " ")
                text += "{\"id\":\"f\(file)-\(line)\",\"text\":\"\(words)\"}\n"
            }
            try scratch.write("in/part-\(file).jsonl", text)
        }
    }

    private func pipeline(_ scratch: TemporaryDirectory, stages: [String] = ["ingest", "normalize"]) throws -> String {
        try scratch.write(
            "p.yaml",
            """
            output: \(scratch.path)/out
            inputs: [{path: \(scratch.path)/in, source: generated}]
            execution: {workers: 2, frame_bytes: 65536, shard_bytes: 1MiB}
            stages:
            \(stages.map { "  - stage: \($0)" }.joined(separator: "\n"))
            """)
    }

    /// Waits until the lock file at `path` names `pid` (the process has taken its lock).
    private func waitForHolder(_ pid: Int32, at path: String) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasPrefix("pid: \(pid)\n") {
                return
            }
            usleep(10_000)
        }
        Issue.record("process \(pid) never took the lock \(path)")
    }

    private func documents(_ dataset: String) throws -> String {
        try CLI.run(["query", dataset, "SELECT count(*) FROM documents", "--no-header"]).stdout
    }

    @Test func aSecondRunIntoAHeldOutputFailsAtOnceNamingTheHolder() throws {
        let scratch = try TemporaryDirectory()
        try writeInputs(scratch)
        let file = try pipeline(scratch)
        let first = try CLI.start(["run", file, "--quiet"])
        try waitForHolder(first.processIdentifier, at: scratch.path + "/out/.locks/rank-00000")
        #expect(first.isRunning, "the input is too small: the first run ended before the second started")

        let started = Date()
        let second = try CLI.run(["run", file, "--quiet"])
        #expect(Date().timeIntervalSince(started) < 10, "the second run failed at once, without waiting")
        #expect(second.status == 1)
        #expect(second.stderr.contains("rank 0 of this output is being written by another run"))
        #expect(second.stderr.contains("(pid \(first.processIdentifier) on host "))
        #expect(second.stderr.contains("command: \(CLI.binary) run \(file) --quiet)"))
        #expect(second.stderr.contains("one run per output and rank at a time"))

        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        for step in ["01-ingest", "02-normalize"] {
            let dataset = scratch.path + "/out/" + step
            #expect(try documents(dataset) == "\(2 * Self.lines)\n")
            let verify = try CLI.run(["verify", dataset])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }

    @Test func aKilledRunsLockDoesNotBlockTheNextRun() throws {
        let scratch = try TemporaryDirectory()
        try writeInputs(scratch)
        let file = try pipeline(scratch)
        let lockFile = scratch.path + "/out/.locks/rank-00000"
        let killed = try CLI.start(["run", file, "--quiet"])
        try waitForHolder(killed.processIdentifier, at: lockFile)
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        #expect(killed.terminationReason == .uncaughtSignal)

        let next = try CLI.run(["run", file, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try !String(contentsOfFile: lockFile, encoding: .utf8).hasPrefix("pid: \(killed.processIdentifier)\n"))
        let verify = try CLI.run(["verify", scratch.path + "/out/02-normalize"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }

    @Test func twoRanksOfOneRunWriteOneOutputAtOnce() throws {
        let scratch = try TemporaryDirectory()
        try writeInputs(scratch)
        let file = try pipeline(scratch, stages: ["ingest"])
        let ranks = try (0..<2).map { rank in
            try CLI.start(
                ["run", file, "--quiet", "--rank", "\(rank)", "--world-size", "2"],
                stderr: scratch.file("rank\(rank).err"))
        }
        for (rank, process) in ranks.enumerated() {
            process.waitUntilExit()
            let stderr = try String(contentsOfFile: scratch.file("rank\(rank).err"), encoding: .utf8)
            #expect(process.terminationStatus == 0, "rank \(rank): \(stderr)")
        }
        let dataset = scratch.path + "/out/01-ingest"
        #expect(try documents(dataset) == "\(2 * Self.lines)\n")
        let verify = try CLI.run(["verify", dataset])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
