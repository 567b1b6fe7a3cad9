import ArgumentParser
import Pretext

/// The dataset directory a read command works on (`inspect`, `query`, `cat`, `verify`): one
/// argument shared through `@OptionGroup`.
struct DatasetArgument: ParsableArguments {
    @Argument(help: "The dataset directory.")
    var dataset: String

    /// Opens the dataset.
    func open() throws -> Dataset { try Dataset.open(at: dataset) }
}
