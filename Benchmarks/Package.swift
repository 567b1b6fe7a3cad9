// swift-tools-version:6.1
import PackageDescription

/// Micro-benchmarks of Pretext's hot paths (package-benchmark) and small measuring tools.
///
/// A separate package so that the main package does not depend on package-benchmark:
///   swift package --package-path Benchmarks benchmark
///   swift build --package-path Benchmarks -c release --product pretext-stream-read
/// See docs/benchmarks.md.
let package = Package(
    name: "PretextBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Pretext", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PretextBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Pretext", package: "Pretext"),
            ],
            path: "Benchmarks/PretextBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // Unicode normalization throughput on mostly-ASCII text (issue 3), apart from the
        // other micro-benchmarks so that it can run alone (--target NormalizeBenchmarks).
        .executableTarget(
            name: "NormalizeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Pretext", package: "Pretext"),
            ],
            path: "Benchmarks/NormalizeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
        // Streams every record of a dataset's shards with ShardReader.forEachRecord (the
        // sequential-read ceiling of the store, compared with `pretext cat` in
        // scripts/bench/read.sh).
        .executableTarget(
            name: "pretext-stream-read",
            dependencies: [.product(name: "Pretext", package: "Pretext")],
            path: "Sources/StreamRead"),
        // Throughput of the text layer (normalize, clean, segment, language) on generated text.
        .executableTarget(
            name: "pretext-text-throughput",
            dependencies: [.product(name: "Pretext", package: "Pretext")],
            path: "Sources/TextThroughput"),
        // Throughput of the quality rule families on the golden documents.
        .executableTarget(
            name: "pretext-quality-throughput",
            dependencies: [.product(name: "Pretext", package: "Pretext")],
            path: "Sources/QualityThroughput"),
        // Term-matching throughput of the audit's matcher on generated text (issue 5).
        .executableTarget(
            name: "pretext-match-throughput",
            dependencies: [.product(name: "Pretext", package: "Pretext")],
            path: "Sources/MatchThroughput"),
        // Encoding throughput and fertility of Pretext's tokenizers on JSONL texts, against HF
        // tokenizers and tiktoken in scripts/bench/tokenizer.sh.
        .executableTarget(
            name: "pretext-tokenizer-throughput",
            dependencies: [.product(name: "Pretext", package: "Pretext")],
            path: "Sources/TokenizerThroughput"),
        // Training throughput and model FLOP utilization of the trainer (issue 14), against
        // PyTorch eager in scripts/bench/trainer.sh.
        .executableTarget(
            name: "pretext-trainer-throughput",
            dependencies: [.product(name: "Pretext", package: "Pretext")],
            path: "Sources/TrainerThroughput"),
        // Writes a seeded near-duplicate corpus with exact Jaccard ground truth (issue 4;
        // docs/dedupe-benchmark-set.md).
        .executableTarget(
            name: "pretext-neardup-corpus",
            dependencies: [.product(name: "PretextSynthetic", package: "Pretext")],
            path: "Sources/NearDupCorpus"),
        // Scores a dedupe tool's removals against that ground truth.
        .executableTarget(
            name: "pretext-dedupe-eval",
            dependencies: [.product(name: "PretextSynthetic", package: "Pretext")],
            path: "Sources/DedupeEval"),
    ]
)
