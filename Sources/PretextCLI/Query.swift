import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext query DATASET SQL`: runs read-only SQL on the catalog.
    struct Query: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run read-only SQL on a dataset's catalog; prints tab-separated rows with a header.",
            discussion: "Tables: shards, documents, drops, runs (docs/formats.md).")

        @OptionGroup var input: DatasetArgument

        @Argument(help: "The SQL statement.")
        var sql: String

        @Flag(help: "Omit the header line.")
        var noHeader = false

        func run() throws {
            try ExitCodes.reporting {
                try input.open().openCatalog(readOnly: true).forEachRow(
                    sql, header: { columns in if !noHeader { print(columns.joined(separator: "\t")) } },
                    row: { values in print(values.map(Self.cell).joined(separator: "\t")) })
            }
        }

        /// Tabs and newlines inside values would break the rows; show them escaped.
        private static func cell(_ value: SQLValue) -> String {
            value.description.replacingAll("\t", with: "\\t").replacingAll("\n", with: "\\n")
        }
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        guard contains(target) else { return self }
        return reduce(into: "") { $0 += $1 == target ? replacement : String($1) }
    }
}
