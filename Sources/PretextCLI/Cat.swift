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
                examples of causal_lm as {"length", "text"} and of t5_spans as {"inputs", "targets"} \
                (sentinels as <extra_id_N>, padding left out), in storage order (--where does not apply).
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
                let fetcher = RecordFetcher(dataset: opened)
                let output = OutputBuffer()
                let tokens = rejects ? nil : try TokenRecords(dataset: opened)
                if tokens == nil, !rejects, let examples = try ExampleRecordText(dataset: opened) {
                    guard condition == nil else {
                        throw PretextError(
                            .invalidConfiguration, "--where selects documents; example records have no rows")
                    }
                    try examples.forEachRecord(of: opened, limit: limit) { output.append(examples.jsonLine($0)) }
                    return output.flush()
                }
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
    }
}
