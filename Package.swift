// swift-tools-version:6.1
import PackageDescription

/// Pretext: corpus preparation for NLP pretraining.
///
/// One module per layer (see docs/architecture.md); dependencies point downward only.
/// C libraries come in as system-library targets (one per library, with a module map and a
/// shim of prefixed helpers); ICU is wrapped in a C target because its headers clash with
/// the ICU that Foundation carries on Linux.
let package = Package(
    name: "Pretext",
    products: [
        .library(name: "Pretext", targets: ["Pretext"]),
        .executable(name: "pretext", targets: ["PretextCLI"]),
        .library(name: "PretextSynthetic", targets: ["PretextSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // MARK: C shims
        .systemLibrary(
            name: "CZstd", pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(
            name: "CXXHash", pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "CICUShim",
            // icui18n: the charset detector (ucsdet) used by WARC ingest.
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]),
        .systemLibrary(
            name: "COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .target(
            name: "CCLD2Shim",
            linkerSettings: [.linkedLibrary("cld2")]),

        // MARK: layers
        .target(name: "PretextCore"),
        // The one file-system layer (paths, directories, descriptors, locks); internal to the
        // package: `package` access, not a product.
        .target(name: "_PretextFileSystem", dependencies: ["PretextCore"]),
        .target(
            name: "PretextStore", dependencies: ["PretextCore", "_PretextFileSystem", "CZstd", "CSQLite", "CXXHash"]),
        .target(
            name: "PretextFormats", dependencies: ["PretextCore", "_PretextFileSystem", "CZstd", "CZlib", "CICUShim"]),
        .target(name: "PretextText", dependencies: ["PretextCore", "CICUShim", "CCLD2Shim"]),
        .target(name: "PretextQuality", dependencies: ["PretextCore", "PretextText"]),
        .target(name: "PretextPII", dependencies: ["PretextCore"]),
        // Seeded near-duplicate benchmark corpus with exact Jaccard ground truth (issue 4).
        .target(name: "PretextSynthetic", dependencies: ["PretextCore"]),
        .target(name: "PretextDedupe", dependencies: ["PretextCore", "PretextStore", "PretextText", "CXXHash"]),
        // The bias and content audit's parts: lexicons, term matching, statistics (issue 5).
        .target(name: "PretextAudit", dependencies: ["PretextCore", "_PretextFileSystem", "PretextText"]),
        // Tokenizers: byte-level BPE, WordPiece and Unigram training and encoding (issue 11).
        .target(name: "PretextTokenizer", dependencies: ["PretextCore", "_PretextFileSystem", "PretextText"]),
        .target(
            name: "PretextStages",
            dependencies: [
                "PretextCore", "_PretextFileSystem", "PretextStore", "PretextFormats", "PretextText", "PretextQuality",
                "PretextPII", "PretextDedupe", "PretextAudit", "PretextTokenizer",
            ]),
        // The data loader: keyed permutation, rank partitioning, mixing, prefetch, batches (issue 13).
        .target(name: "PretextLoader", dependencies: ["PretextCore", "PretextStore", "_PretextFileSystem"]),
        // The trainer: layers with hand-written backward passes on OpenBLAS, models, AdamW,
        // safetensors checkpoints (issue 14).
        .target(
            name: "PretextTrainer",
            dependencies: [
                "PretextCore", "_PretextFileSystem", "PretextStore", "PretextLoader", "PretextTokenizer",
                "PretextStages",
                "COpenBLAS",
            ]),
        .target(
            name: "PretextPipeline",
            dependencies: [
                "PretextCore", "_PretextFileSystem", "PretextStore", "PretextFormats", "PretextStages",
                "PretextTrainer",
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(
            name: "Pretext",
            dependencies: [
                "PretextCore", "PretextStore", "PretextFormats", "PretextText", "PretextQuality", "PretextPII",
                "PretextDedupe", "PretextAudit", "PretextTokenizer", "PretextStages", "PretextPipeline",
                "PretextLoader", "PretextTrainer",
            ]),
        .executableTarget(
            name: "PretextCLI",
            dependencies: [
                "Pretext",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Pretext used as a library, as an app would (docs/library.md): every ```swift snippet
        // of docs/ is code of this target, built with the package and checked against the docs
        // by PretextLibraryExampleTests (issue 17).
        .executableTarget(name: "PretextLibraryExample", dependencies: ["Pretext"]),

        // MARK: tests
        // Helpers every test target shares (temporary directories, external tools); not a product.
        .target(name: "PretextTestSupport", path: "Tests/PretextTestSupport"),
        .testTarget(name: "PretextCoreTests", dependencies: ["PretextCore"]),
        .testTarget(name: "PretextFileSystemTests", dependencies: ["_PretextFileSystem", "PretextTestSupport"]),
        .testTarget(name: "PretextStoreTests", dependencies: ["PretextStore", "PretextTestSupport"]),
        .testTarget(name: "PretextFormatsTests", dependencies: ["PretextFormats", "PretextTestSupport"]),
        .testTarget(name: "PretextTextTests", dependencies: ["PretextText"]),
        .testTarget(name: "PretextQualityTests", dependencies: ["PretextQuality"]),
        .testTarget(name: "PretextPIITests", dependencies: ["PretextPII"]),
        .testTarget(name: "PretextDedupeTests", dependencies: ["PretextDedupe", "PretextSynthetic"]),
        .testTarget(name: "PretextAuditTests", dependencies: ["PretextAudit", "PretextTestSupport"]),
        .testTarget(name: "PretextTokenizerTests", dependencies: ["PretextTokenizer", "PretextTestSupport"]),
        // Stages run through the local runner, as a pipeline step would run them.
        .testTarget(
            name: "PretextStagesTests",
            dependencies: ["PretextStages", "PretextPipeline", "PretextSynthetic", "PretextTestSupport"]),
        .testTarget(
            name: "PretextPipelineTests", dependencies: ["PretextPipeline", "PretextTrainer", "PretextTestSupport"]),
        .testTarget(name: "PretextCLITests", dependencies: ["PretextStore", "PretextTestSupport"]),
        // Runs the built PretextLibraryExample on the fixtures; checks the docs' snippets against it.
        .testTarget(name: "PretextLibraryExampleTests", dependencies: ["PretextStore", "PretextTestSupport"]),
        .testTarget(name: "PretextSyntheticTests", dependencies: ["PretextSynthetic"]),
        .testTarget(name: "PretextLoaderTests", dependencies: ["PretextLoader", "PretextStore", "PretextTestSupport"]),
        .testTarget(
            name: "PretextTrainerTests",
            dependencies: ["PretextTrainer", "PretextCore", "PretextStore", "PretextLoader", "PretextTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
