import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext inspect DATASET`: counts, sizes, compression, drops by reason, runs.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dataset's counts, sizes, compression ratio, drops by reason and runs.")

        @OptionGroup var input: DatasetArgument

        func run() throws {
            try ExitCodes.reporting { print(try DatasetSummary.load(try input.open()).description) }
        }
    }
}
