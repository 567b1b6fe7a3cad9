import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext inspect DATASET`: counts, sizes, compression, drops by reason, runs; or, for a
    /// pipeline's output folder, a line per step (documents in, kept, dropped by reason).
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dataset's counts, sizes, compression ratio, drops by reason and runs.",
            discussion: """
                Given a pipeline's output folder (NN-stage datasets), shows per step the documents in, kept \
                and dropped, and the drops by reason.
                """)

        @Argument(help: "The dataset directory, or a pipeline's output folder.")
        var dataset: String

        func run() throws {
            try ExitCodes.reporting {
                if PipelineOutput.isOutput(dataset) {
                    print(try PipelineOutputSummary.load(dataset).text, terminator: "")
                } else {
                    print(try DatasetSummary.load(try Dataset.open(at: dataset)).description)
                }
            }
        }
    }
}
