import PretextCore
import PretextStore

/// The documents an example stage turns into examples: those matching the `where` option, an
/// SQL condition on the tokenized dataset's catalog (`documents`: `lang`, `source`, any signal
/// of an earlier step). Documents left out still count as converted (`docs_out`): the selection
/// decides what feeds the examples, not what the dataset holds. Mixing subsets happens at load
/// time: one example dataset per subset, weighted by the loader (docs/loader.md, "Mixing").
public enum ExampleSelection {
    /// `where`: the SQL condition (empty: every document).
    public static let condition = OptionKey<String>(
        "where", default: "",
        "generate examples from the documents matching this SQL condition on the catalog (empty: all)")

    /// The rowids matching `condition` in `dataset`, or `nil` for every document.
    /// - Throws: `.invalidConfiguration` naming the condition when SQLite refuses it.
    static func matchingRowIDs(_ condition: String, in dataset: Dataset) throws -> Set<Int64>? {
        try DocumentSelection(condition: condition, sample: 1, seed: 0).matchingRowIDs(in: dataset)
    }
}
