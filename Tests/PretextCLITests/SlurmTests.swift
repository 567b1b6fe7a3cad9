import Foundation
import PretextTestSupport
import Testing

/// `pretext slurm` against a real Slurm (the private cluster of `scripts/test`): the README's
/// pipeline as job arrays equals a local run, a cancelled task stops the chain and is redone
/// alone, and a task at its time limit is requeued and finishes.
@Suite(.serialized, .enabled(if: SlurmCluster.answers, SlurmCluster.absence))
struct SlurmTests {
    @discardableResult
    private func run(_ arguments: [String], allowing statuses: Set<Int32> = [0]) throws -> CLI.Result {
        let result = try CLI.run(arguments)
        #expect(
            statuses.contains(result.status),
            "pretext \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        return result
    }

    /// The quickstart pipeline writing into `output`, training three steps instead of a hundred
    /// (a debug build trains slowly), with `slurm` appended to its `execution:` section.
    private func quickstart(
        in scratch: TemporaryDirectory, output: String, name: String, slurm: String = ""
    )
        throws -> String
    {
        let original = try String(contentsOfFile: CLI.root + "/pipelines/quickstart.yaml", encoding: .utf8)
        var text = original.replacingOccurrences(of: "output: out/quickstart", with: "output: \(output)")
            .replacingOccurrences(of: "  steps: 100 ", with: "  steps: 3   ")
        if !slurm.isEmpty {
            text = text.replacingOccurrences(of: "execution:\n", with: "execution:\n  slurm:\n" + slurm)
        }
        return try scratch.write(name, text)
    }

    /// Submits `pipeline` and waits until the cluster is idle again.
    @discardableResult
    private func submit(_ pipeline: String, tasks: Int, timeout: Double = 900) throws -> CLI.Result {
        let submitted = try run(["slurm", pipeline, "--tasks", "\(tasks)", "--submit"])
        try SlurmCluster.waitUntilIdle(timeout: timeout)
        return submitted
    }

    @Test func theQuickstartOnFourTasksEqualsALocalRun() throws {
        let scratch = try TemporaryDirectory()
        let local = try quickstart(in: scratch, output: scratch.path + "/local", name: "local.yaml")
        // Exit status 3: the fixtures' damaged files are kept in rejects/.
        try run(["run", local, "--workers", "4", "--quiet"], allowing: [3])

        let cluster = try quickstart(in: scratch, output: scratch.path + "/cluster", name: "cluster.yaml")
        let submitted = try submit(cluster, tasks: 4)
        #expect(submitted.stdout.contains("job 01-ingest:"), "\(submitted.stdout)")
        #expect(submitted.stdout.contains("job 05-dedupe.buckets:"), "\(submitted.stdout)")
        let status = try run(["status", scratch.path + "/cluster"])
        #expect(!status.stdout.contains("failed"), "\(status.stdout)")
        try OutputComparison(expected: scratch.path + "/local", actual: scratch.path + "/cluster").expectEqual()
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/cluster/train/model.safetensors"))
        // Every task wrote its log under the run directory.
        let logs = try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/cluster/slurm/logs")
        #expect(logs.contains { $0.hasPrefix("01-ingest_") } && logs.contains { $0.hasPrefix("train_") }, "\(logs)")

        // Submitting again finds every step complete: only the training job, which finds its
        // final checkpoint and stops.
        let again = try submit(cluster, tasks: 4)
        #expect(again.stdout.contains("job train:") && !again.stdout.contains("job 01-ingest"), "\(again.stdout)")
        #expect(!(try run(["status", scratch.path + "/cluster"]).stdout.contains("failed")))
    }

    /// A pipeline of ingest, quality and exact dedupe on `documents` generated documents
    /// (enough that a quality task of the debug build runs for seconds), writing into `output`.
    private func filterPipeline(
        in scratch: TemporaryDirectory, output: String, name: String, documents: Int, slurm: String = ""
    ) throws -> String {
        let input = scratch.path + "/input.jsonl"
        if !FileManager.default.fileExists(atPath: input) {
            var lines = ""
            for index in 0..<documents {
                let sentences = (0..<12).map {
                    "Sentence \($0) of the note numbered \(index % 997) says what happened."
                }
                lines += "{\"id\":\"d\(index)\",\"text\":\"\(sentences.joined(separator: " "))\"}\n"
            }
            _ = try scratch.write("input.jsonl", lines)
        }
        let text = """
            name: filters
            output: \(output)
            inputs:
              - \(input)
            execution:
              workers: 2
            \(slurm.isEmpty ? "" : "  slurm:\n" + slurm)
            stages:
              - stage: ingest
              - stage: quality
                families: [gopher_quality]
              - stage: dedupe
                method: exact

            """
        return try scratch.write(name, text)
    }

    @Test func aCancelledTaskStopsTheChainAndIsRedoneAlone() throws {
        let scratch = try TemporaryDirectory()
        let local = try filterPipeline(
            in: scratch, output: scratch.path + "/local", name: "local.yaml", documents: 20000)
        try run(["run", local, "--workers", "4", "--quiet"])
        let output = scratch.path + "/cluster"
        let pipeline = try filterPipeline(in: scratch, output: output, name: "cluster.yaml", documents: 20000)
        try run(["slurm", pipeline, "--tasks", "4", "--submit"])

        // Rank 2 of the quality step has started writing its part: cancel that array task.
        let state = output + "/slurm/state/02-quality/rank-00002.start"
        try SlurmCluster.waitForFile(state, timeout: 300)
        try SlurmCluster.waitForFile(output + "/02-quality/parts/02-quality-r00002.sqlite", timeout: 120)
        let job = try #require(
            try String(contentsOfFile: state, encoding: .utf8).split(separator: "\n")
                .first { $0.hasPrefix("job ") }?.dropFirst(4))
        #expect(try ExternalTool.run("scancel", [String(job)]).status == 0)
        try SlurmCluster.waitUntilIdle(timeout: 300)

        // The step is not merged and the next step never started.
        #expect(!FileManager.default.fileExists(atPath: output + "/03-dedupe/catalog.sqlite"))
        let status = try run(["status", output])
        #expect(status.stdout.contains("02-quality rank 2: cancelled"), "\(status.stdout)")
        #expect(status.stdout.contains(output + "/slurm/logs/02-quality_"), "\(status.stdout)")

        // Resubmitted: step 1 is complete, the quality step reruns rank 2 only.
        let logs = { try FileManager.default.contentsOfDirectory(atPath: output + "/slurm/logs") }
        let qualityLogs = try logs().filter { $0.hasPrefix("02-quality_") }.count
        let again = try submit(pipeline, tasks: 4)
        #expect(!again.stdout.contains("job 01-ingest:"), "\(again.stdout)")
        #expect(try logs().filter { $0.hasPrefix("02-quality_") }.count == qualityLogs + 1)
        #expect(!(try run(["status", output]).stdout.contains("failed")))
        try OutputComparison(expected: scratch.path + "/local", actual: output).expectEqual()
    }

    @Test func aTaskAtItsTimeLimitIsRequeuedAndFinishes() throws {
        let scratch = try TemporaryDirectory()
        let local = try filterPipeline(in: scratch, output: scratch.path + "/local", name: "local.yaml", documents: 200)
        try run(["run", local, "--workers", "2", "--quiet"])
        // Rank 1's first attempt at ingest outlives its one-minute limit: Slurm warns the batch
        // script (USR1, up to a minute early), which stops the task and requeues it.
        let slurm = """
                time: "1"
                requeue: true
                signal_seconds: 30
                prolog: |
                  if [ "${RANK:-}" = 1 ] && [ "${SLURM_RESTART_COUNT:-0}" = 0 ] && [ "${SLURM_JOB_NAME%ingest}" != "$SLURM_JOB_NAME" ]; then
                    sleep 600 & CHILD=$!; wait "$CHILD"; CHILD=
                  fi

            """
        let output = scratch.path + "/cluster"
        let pipeline = try filterPipeline(
            in: scratch, output: output, name: "cluster.yaml", documents: 200, slurm: slurm)
        try submit(pipeline, tasks: 2, timeout: 600)
        let start = try String(contentsOfFile: output + "/slurm/state/01-ingest/rank-00001.start", encoding: .utf8)
        #expect(start.contains("restarts 1"), "\(start)")
        let log = try logText(output, prefix: "01-ingest_")
        #expect(log.contains("requeueing"), "\(log)")
        try OutputComparison(expected: scratch.path + "/local", actual: output).expectEqual()
    }

    /// The logs of the jobs whose names start with `prefix`, joined.
    private func logText(_ output: String, prefix: String) throws -> String {
        let folder = output + "/slurm/logs"
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(prefix) }.sorted()
            .map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }
}

/// In CI (`PRETEXT_REQUIRE_SLURM=1`) the Slurm tests must run, not be skipped.
@Suite struct SlurmRequiredTests {
    @Test func aClusterAnswersWhenTheTestsRequireOne() {
        #expect(
            !SlurmCluster.required || SlurmCluster.answers,
            "PRETEXT_REQUIRE_SLURM=1 but \(SlurmCluster.absence)")
    }
}
