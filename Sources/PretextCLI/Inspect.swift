import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext inspect DATASET`: counts, sizes, compression, drops by reason, runs.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a dataset's counts, sizes, compression ratio, drops by reason and runs.")

        @Argument(help: "The dataset directory.")
        var dataset: String

        func run() throws {
            do {
                print(try DatasetSummary.load(try Dataset.open(at: dataset)).description)
            } catch {
                throw ExitCodes.report(error)
            }
        }
    }
}
