import Foundation
import PretextTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The batch scripts `pretext slurm` writes, run by bash the way Slurm would run them (its
/// variables set by hand, jobs in plan order), without a Slurm cluster: the ranks, offsets,
/// state files, exit statuses and traps. Submission to a real Slurm is tested with the local
/// cluster (scripts/slurm/local-cluster).
@Suite(.serialized) struct SlurmScriptRunTests {
    /// ingest → dedupe (MinHash, three phases) over the JSONL fixtures, into `OUTPUT`.
    private func pipeline(in scratch: TemporaryDirectory, output: String, slurm: String = "") throws -> String {
        try scratch.write(
            "\(output).yaml",
            """
            name: scripts
            output: \(scratch.path)/\(output)
            inputs: [\(CLI.root)/fixtures/corpus/jsonl]
            execution:
              workers: 2
              frame_bytes: 4096
            \(slurm)
            stages:
              - stage: ingest
              - stage: dedupe
                method: minhash

            """)
    }

    /// The jobs of `OUTPUT/slurm/plan.json`: name, kind and each chunk's offset and indices.
    private func jobs(_ output: String) throws -> [(name: String, kind: String, chunks: [(Int, [Int])])] {
        let data = try Data(contentsOf: URL(fileURLWithPath: output + "/slurm/plan.json"))
        let plan = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let jobs = try #require(plan["jobs"] as? [[String: Any]])
        return jobs.map { job in
            let chunks = (job["chunks"] as? [[String: Any]] ?? []).map { chunk -> (Int, [Int]) in
                (chunk["offset"] as? Int ?? 0, Self.indices(chunk["indices"] as? String))
            }
            return (job["name"] as? String ?? "", job["kind"] as? String ?? "", chunks)
        }
    }

    private static func indices(_ text: String?) -> [Int] {
        guard let text, !text.isEmpty else { return [] }
        return text.split(separator: ",").flatMap { run -> [Int] in
            let ends = run.split(separator: "-").compactMap { Int($0) }
            return Array(ends[0]...ends[ends.count - 1])
        }
    }

    /// Starts a batch script with bash as Slurm would: the array variables (or the job id),
    /// the offset as its argument, and no signal blocked or ignored (a `Process` child inherits
    /// the blocked signals of Foundation's spawning thread, and bash could not trap them).
    private func start(_ script: String, jobID: Int, index: Int?, offset: Int) throws -> pid_t {
        var environment = ProcessInfo.processInfo.environment
        if let index {
            environment["SLURM_ARRAY_JOB_ID"] = String(jobID)
            environment["SLURM_ARRAY_TASK_ID"] = String(index)
        } else {
            environment["SLURM_JOB_ID"] = String(jobID)
        }
        let arguments = ["/bin/bash", script] + (index == nil ? [] : [String(offset)])
        let variables = environment.map { "\($0.key)=\($0.value)" }
        return try Self.spawn(arguments, environment: variables)
    }

    /// `posix_spawn` with an empty signal mask and every signal at its default action; output
    /// to /dev/null.
    private static func spawn(_ arguments: [String], environment: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard code == 0 else { throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EINVAL) }
        return pid
    }

    /// Waits for `pid`; its exit status, or 128 + the signal that killed it.
    private static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private func run(_ script: String, jobID: Int, index: Int?, offset: Int) throws -> Int32 {
        Self.wait(try start(script, jobID: jobID, index: index, offset: offset))
    }

    private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func theScriptsRunThePipelineRankByRankAsALocalRunDoes() throws {
        let scratch = try TemporaryDirectory()
        let file = try pipeline(in: scratch, output: "slurm")
        let output = scratch.path + "/slurm"
        let written = try CLI.run(
            ["slurm", file, "--max-array-size", "1", "--executable", CLI.binary], in: scratch.path)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.contains("MaxArraySize 1 (--max-array-size)"))
        #expect(written.stdout.contains("  01-ingest: ranks 0-1 in 2 arrays\n"))
        // The hint repeats the flags given, so a submission plans the same jobs.
        #expect(
            written.stdout.contains(
                "submit them with: pretext slurm \(file) --max-array-size 1 --executable \(CLI.binary) --submit"),
            "\(written.stdout)")
        let jobs = try jobs(output)
        #expect(
            jobs.map(\.name) == [
                "01-ingest", "01-ingest.merge", "02-dedupe.signatures", "02-dedupe.buckets", "02-dedupe.clusters",
                "02-dedupe", "02-dedupe.merge",
            ])
        for (number, job) in jobs.enumerated() {
            let script = "\(output)/slurm/\(job.name).sh"
            if job.kind == "tasks" {
                for (offset, indices) in job.chunks {
                    #expect(indices == [0], "one task per array when MaxArraySize is 1")
                    for index in indices {
                        let status = try run(script, jobID: 100 + number, index: index, offset: offset)
                        #expect(status == 0, "\(job.name) rank \(offset + index)")
                        let state = "\(output)/slurm/state/\(job.name)/rank-0000\(offset + index)"
                        #expect(read(state + ".exit") == "0\n")
                        #expect(read(state + ".start")?.contains("job \(100 + number)_\(index)\n") == true)
                    }
                }
            } else {
                #expect(try run(script, jobID: 100 + number, index: nil, offset: 0) == 0, "\(job.name)")
                #expect(read("\(output)/slurm/state/\(job.name)/job.exit") == "0\n")
            }
        }
        let status = try CLI.run(["status", output])
        #expect(status.status == 0)
        #expect(status.stdout.contains("step 2 (dedupe): merged (2 of 2 tasks)\n"))
        #expect(status.stdout.contains("  job 02-dedupe.signatures: 2 done\n"))
        #expect(!status.stdout.contains("failed"))

        let local = try pipeline(in: scratch, output: "local")
        #expect([0, 3].contains(try CLI.run(["run", local, "--quiet"]).status))
        for step in ["01-ingest", "02-dedupe"] {
            let sql = "SELECT id, chars FROM documents ORDER BY id"
            let cluster = try CLI.run(["query", "\(output)/\(step)", sql]).stdout
            #expect(cluster == (try CLI.run(["query", "\(scratch.path)/local/\(step)", sql]).stdout))
            #expect(!cluster.isEmpty)
        }
    }

    @Test func aTaskRunBeforeItsInputRecordsItsExitStatus() throws {
        let scratch = try TemporaryDirectory()
        let file = try pipeline(in: scratch, output: "early")
        let output = scratch.path + "/early"
        #expect(try CLI.run(["slurm", file, "--max-array-size", "5", "--executable", CLI.binary]).status == 0)
        let status = try run("\(output)/slurm/02-dedupe.sh", jobID: 7, index: 1, offset: 0)
        #expect(status == 64, "step 1 is not complete: a usage error")
        #expect(read("\(output)/slurm/state/02-dedupe/rank-00001.exit") == "64\n")
        let text = try CLI.run(["status", output]).stdout
        #expect(text.contains("failed tasks:\n  02-dedupe rank 1: exit status 64"))
    }

    @Test(arguments: [(false, SIGTERM, "cancelled", 143), (true, SIGUSR1, "requeued", 0)])
    func signalsAreTrappedAndRecorded(requeue: Bool, signal: Int32, word: String, exit: Int32) throws {
        let scratch = try TemporaryDirectory()
        // A prolog that waits, so that the signal comes while the job runs.
        let slurm = "  slurm:\n    requeue: \(requeue)\n    prolog: \"sleep 3 & wait\""
        let file = try pipeline(in: scratch, output: "signals", slurm: slurm)
        let output = scratch.path + "/signals"
        #expect(try CLI.run(["slurm", file, "--max-array-size", "5", "--executable", CLI.binary]).status == 0)
        let pid = try start("\(output)/slurm/01-ingest.sh", jobID: 9, index: 0, offset: 0)
        let start = "\(output)/slurm/state/01-ingest/rank-00000.start"
        for _ in 0..<200 where read(start) == nil { usleep(10_000) }
        usleep(200_000)
        kill(pid, signal)
        #expect(Self.wait(pid) == exit)
        #expect(read("\(output)/slurm/state/01-ingest/rank-00000.exit") == word + "\n")
    }
}
