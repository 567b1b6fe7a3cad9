import ArgumentParser
import Pretext
import _PretextFileSystem

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
                let reports = try PipelineRunner().run(file, settings: options.settings)
                let unreadable = try RunOutcome.report(reports)
                if let training = file.training, let last = reports.last, last.merged {
                    print("")
                    let output = FileSystem.join(file.output, "train")
                    try TrainingRun(examples: last.dataset.root, options: training, output: output).run()
                }
                if unreadable { throw ExitCodes.unreadableInput }
            }
        }
    }
}
