import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext cat DATASET [--where SQL] [--limit N]`: prints records as JSON lines.
    struct Cat: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a dataset's documents (or rejects) as JSON lines, in storage order.",
            discussion: """
                Records come in the order they are stored (shard, frame, offset), so every frame is \
                decompressed once and reading stays sequential, whatever the --where filter.
                """)

        @Argument(help: "The dataset directory.")
        var dataset: String

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
            do {
                let opened = try Dataset.open(at: dataset)
                let catalog = try opened.openCatalog(readOnly: true)
                let statement = try catalog.connection.prepare(query)
                let fetcher = RecordFetcher(dataset: opened)
                let output = OutputBuffer()
                while try statement.step() {
                    let record = try fetcher.record(
                        shard: statement.value(0).description, frame: statement.value(1).int ?? 0,
                        offset: statement.value(2).int ?? 0, length: statement.value(3).int ?? 0)
                    output.append(record)
                }
                output.flush()
            } catch {
                throw ExitCodes.report(error)
            }
        }

        private var query: String {
            let filter = condition.map { " WHERE (\($0))" } ?? ""
            let cap = limit.map { " LIMIT \($0)" } ?? ""
            if rejects {
                return "SELECT s.path, d.reject_frame, d.reject_offset, d.reject_length FROM "
                    + "(SELECT * FROM drops\(filter)) d JOIN shards s ON s.id = d.reject_shard_id "
                    + "ORDER BY d.reject_shard_id, d.reject_frame, d.reject_offset\(cap)"
            }
            return "SELECT s.path, d.frame, d.offset, d.length FROM (SELECT * FROM documents\(filter)) d "
                + "JOIN shards s ON s.id = d.shard_id ORDER BY d.shard_id, d.frame, d.offset\(cap)"
        }
    }
}
