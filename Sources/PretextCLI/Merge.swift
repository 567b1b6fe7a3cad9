import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext merge PIPELINE --step K`: merges the parts one step's tasks wrote and completes
    /// the step, as the last task of `pretext run` does.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Merge one step's parts, written by `pretext run --step K --no-merge` tasks, and complete it.",
            discussion: """
                Runs the step's step-end work (the audit's report) and removes its work area unless keep_work. \
                Fails listing the ranks that have not finished; a step already merged is left as it is (exit 0).
                """)

        @Argument(help: "The pipeline file (YAML).")
        var pipeline: String

        @Option(help: "The step to merge: its number, as in NN-stage.")
        var step: Int

        @Option(
            name: .customLong("world-size"),
            help: "The number of tasks the step ran with (default: the pipeline's execution.workers).")
        var worldSize: Int?

        func validate() throws {
            if step < 1 { throw ValidationError("--step must be at least 1") }
            if let worldSize, worldSize < 1 { throw ValidationError("--world-size must be at least 1") }
        }

        func run() throws {
            try ExitCodes.reporting {
                let file = try PipelineParser().parseFile(at: pipeline)
                let settings = RunSettings(workers: worldSize, progressStyle: .silent)
                let report = try PipelineRunner().merge(file, step: step, settings: settings)
                try RunOutcome.finish([report])
            }
        }
    }
}
