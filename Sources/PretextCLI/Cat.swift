import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext cat DATASET [--where SQL] [--limit N]`: prints records as JSON lines.
    struct Cat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a dataset's documents (or rejects) as JSON lines, in storage order.",
            discussion: """
                Records come in the order they are stored (shard, frame, offset), so every frame is \
                decompressed once and reading stays sequential, whatever the --where filter. The token \
                records of a tokenize step print as {"id", "tokens", "text"}, decoded with its tokenizer; the \
                examples of causal_lm as {"length", "text"}, of t5_spans as {"inputs", "targets"} (sentinels \
                as <extra_id_N>, padding left out), and other example records (mlm, contrastive) as their \
                fields, token fields also as tokens (FIELD_tokens); --where does not apply to examples.
                """)

        @OptionGroup var input: DatasetArgument

        @Option(
            name: .customLong("where"),
            help: "An SQL condition on the documents table (or drops, with --rejects), e.g. \"chars > 1000\".")
        var condition: String?

        @Option(help: "Print at most this many records.")
        var limit: Int?

        @Flag(help: "Print the rejected records instead of the documents.")
        var rejects = false

        func validate() throws {
            if let limit, limit < 0 { throw ValidationError("--limit must not be negative") }
        }

        func run() throws {
            try ExitCodes.reporting {
                let opened = try input.open()
                let catalog = try opened.openCatalog(readOnly: true)
                try catalog.checkRowsMatchShards()
                if !rejects, let printer = try ExampleRecordPrinter(dataset: opened) {
                    return try printExamples(opened, catalog: catalog, printer: printer)
                }
                let fetcher = RecordFetcher(dataset: opened)
                let output = OutputBuffer()
                let tokens = rejects ? nil : try TokenRecords(dataset: opened)
                try catalog.forEachRecord(of: rejects ? .rejects : .documents, where: condition, limit: limit) {
                    address in
                    guard let tokens else {
                        return output.append(try fetcher.record(shard: address.shard, at: address.location))
                    }
                    try fetcher.withRecord(
                        shard: address.shard, frame: address.location.frame, offset: address.location.offset,
                        length: address.location.length
                    ) { output.append(tokens.jsonLine($0, id: address.document ?? "")) }
                }
                output.flush()
            }
        }

        /// Prints the fixed-size example records of `dataset`, in storage order.
        private func printExamples(_ dataset: Dataset, catalog: Catalog, printer: ExampleRecordPrinter) throws {
            if condition != nil {
                throw PretextError(
                    .invalidConfiguration, "--where filters document rows; example records have none (use --limit)")
            }
            let output = OutputBuffer()
            try printer.forEachRecord(of: dataset, limit: limit) { output.append(printer.jsonLine($0)) }
            output.flush()
        }
    }
}
