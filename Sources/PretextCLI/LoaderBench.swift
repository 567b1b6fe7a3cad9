import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext loader-bench DATASET`: how fast the loader reads an examples dataset.
    struct LoaderBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "loader-bench",
            abstract: "Measure the data loader on an examples dataset: time to first batch, examples/s, MB/s.",
            discussion: """
                Reads BATCHES batches in the loader's shuffled order (windows of 8 frames), with \
                WORKERS threads decompressing and collating ahead. The time to first batch includes \
                opening the dataset (catalog checks, seek tables); the rates cover every batch. MB/s \
                counts the stored record bytes (10^6 bytes). See docs/loader.md.
                """)

        @OptionGroup var input: DatasetArgument

        @Option(help: "Examples per batch.")
        var batchSize = 32

        @Option(help: "Threads decompressing and collating ahead (0: on the calling thread).")
        var workers = 2

        @Option(help: "Batches to read.")
        var batches = 200

        @Option(help: "The seed of the order.")
        var seed: UInt64 = 0

        func validate() throws {
            if batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
            if workers < 0 { throw ValidationError("--workers must not be negative") }
            if batches < 1 { throw ValidationError("--batches must be at least 1") }
        }

        func run() throws {
            try ExitCodes.reporting {
                let configuration = LoaderConfiguration(
                    sources: [LoaderSource(dataset: input.dataset)], batchSize: batchSize, seed: seed,
                    workers: workers)
                print(try LoaderBenchmark.run(configuration, batches: batches).description)
            }
        }
    }
}
