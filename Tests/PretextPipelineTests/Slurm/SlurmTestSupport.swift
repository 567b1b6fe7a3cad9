import PretextCore
import PretextTestSupport
import Testing

@testable import PretextPipeline

/// Pipelines and inputs for the Slurm tests: small JSONL inputs and pipelines with absolute
/// paths, so nothing depends on the current directory.
enum SlurmFixture {
    /// Writes `files` JSONL files of `lines` documents each under `DIRECTORY/in`, some of
    /// them copies of each other (for dedupe).
    static func writeInputs(in directory: TemporaryDirectory, files: Int = 3, lines: Int = 40) throws {
        for file in 0..<files {
            var text = ""
            for line in 0..<lines {
                let seed = line % 7 == 0 ? 1000 + line : file * 1000 + line
                let words = (0..<30).map { "w\((seed * 31 + $0 * 17) % 97)" }.joined(separator: " ")
                text += "{\"id\":\"f\(file)-\(line)\",\"text\":\"\(words)\"}\n"
            }
            try directory.write("in/part-\(file).jsonl", text)
        }
    }

    /// Ingest, then MinHash dedupe (three phases), with `workers` and an optional Slurm section.
    static func pipelineText(_ directory: TemporaryDirectory, workers: Int = 3, slurm: String = "") -> String {
        """
        name: slurm-test
        output: \(directory.path)/out
        inputs: [\(directory.path)/in]
        execution:
          workers: \(workers)
          frame_bytes: 4096
        \(slurm)
        stages:
          - stage: ingest
          - stage: dedupe
            method: minhash
        """
    }

    /// The parsed pipeline of `pipelineText`.
    static func pipeline(_ directory: TemporaryDirectory, workers: Int = 3) throws -> PipelineFile {
        try PipelineParser().parse(pipelineText(directory, workers: workers), path: directory.file("p.yaml"))
    }

    /// Planner options for tests: a fixed executable and directory.
    static func options(
        _ directory: TemporaryDirectory, maxArraySize: Int = 1001, flags: SlurmSettings = SlurmSettings()
    ) -> SlurmPlanner.Options {
        SlurmPlanner.Options(
            flags: flags, maxArraySize: maxArraySize, executable: "/opt/pretext/bin/pretext", directory: directory.path)
    }

    /// Runs `rank` of `worldSize` of `pipeline` on this machine, as one process of a
    /// multi-process run would.
    @discardableResult
    static func run(_ pipeline: PipelineFile, rank: Int, worldSize: Int) throws -> [StepReport] {
        try PipelineRunner().run(
            pipeline, settings: RunSettings(rank: rank, worldSize: worldSize, progressStyle: .silent))
    }

    /// The names of `plan`'s jobs with their ranks: `["01-ingest 1", "01-ingest.merge", …]`.
    static func summary(_ plan: SlurmPlan) -> [String] {
        plan.jobs.map { $0.name + ($0.ranks.map { " " + $0 } ?? "") }
    }
}
