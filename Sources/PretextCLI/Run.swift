import ArgumentParser
import Pretext
import _PretextFileSystem

extension PretextCommand {
    /// `pretext run PIPELINE`: runs a pipeline file, or one step (or phase) of it.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a pipeline file (see docs/pipelines.md).",
            discussion: """
                Finished tasks are skipped when the same pipeline runs again. --step runs one step alone \
                (--phase one phase of it, --no-merge without merging it: `pretext merge` does).
                """)

        @Argument(help: "The pipeline file (YAML).")
        var pipeline: String

        @OptionGroup var options: RunOptions

        @OptionGroup var stepOptions: StepOptions

        func run() throws {
            try ExitCodes.reporting {
                let file = try PipelineParser().parseFile(at: pipeline)
                let settings = stepOptions.restricting(options.settings)
                if stepOptions.step == .train { return try train(file, settings: settings) }
                let reports = try PipelineRunner().run(file, settings: settings)
                let unreadable = try RunOutcome.report(reports, mergeCommand: mergeCommand)
                if stepOptions.step == nil, let training = file.training, let last = reports.last, last.merged {
                    print("")
                    let output = FileSystem.join(file.output, "train")
                    try TrainingRun(examples: last.dataset.root, options: training, output: output).run()
                }
                if unreadable { throw ExitCodes.unreadableInput }
            }
        }

        /// `--step train`: the `train:` section alone, on the last step's dataset once every
        /// step is complete.
        private func train(_ file: PipelineFile, settings: RunSettings) throws {
            guard let training = file.training else {
                throw PretextError(
                    .invalidConfiguration, "--step train: the pipeline has no train: section", path: file.path)
            }
            let dataset = try PipelineRunner().finalDataset(file, settings: settings)
            try TrainingRun(examples: dataset.root, options: training, output: FileSystem.join(file.output, "train"))
                .run()
        }

        /// The command that merges the step this run leaves unmerged (`--no-merge`).
        private var mergeCommand: String? {
            guard case .number(let step) = stepOptions.step else { return nil }
            let worldSize = options.worldSize ?? options.workers
            return "pretext merge \(pipeline) --step \(step)" + (worldSize.map { " --world-size \($0)" } ?? "")
        }
    }
}
