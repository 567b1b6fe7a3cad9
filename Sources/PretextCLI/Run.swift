import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext run PIPELINE`: runs a pipeline file.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline file (see docs/pipelines.md).",
            discussion: "Finished tasks are skipped when the same pipeline runs again.")

        @Argument(help: "The pipeline file (YAML).")
        var pipeline: String

        @OptionGroup var options: RunOptions

        func run() throws {
            try ExitCodes.reporting {
                let file = try PipelineParser().parseFile(at: pipeline)
                try RunOutcome.finish(try PipelineRunner().run(file, settings: options.settings))
            }
        }
    }
}
