import Foundation
import Pretext

/// Pretext used as a Swift library, as an app that depends on the package would use it
/// (docs/library.md): one stage run alone, a pipeline run from its YAML, a dataset's documents
/// read and its catalog queried.
///
/// `PretextLibraryExample OUTPUT [FIXTURES]` writes `OUTPUT/ingested` (the JSONL fixtures
/// ingested) and the pipeline's steps under `OUTPUT/cleaned`, and prints what it did; FIXTURES
/// defaults to `fixtures` (run it from the repository root). Each function it calls is a
/// snippet of docs/library.md, checked word for word by `PretextLibraryExampleTests`.
@main
enum LibraryExample {
    /// Runs the example; a `PretextError` ends it with its message and exit status 1.
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let output = arguments.first, arguments.count <= 2 else {
            StandardError.write("usage: PretextLibraryExample OUTPUT [FIXTURES]\n")
            exit(64)
        }
        do {
            try run(output: output, fixtures: arguments.dropFirst().first ?? "fixtures")
        } catch {
            StandardError.write("PretextLibraryExample: \(error)\n")
            exit(1)
        }
    }

    /// Ingests the fixtures, cleans them with a pipeline, then reads and queries the result.
    static func run(output: String, fixtures: String) throws {
        let ingested = output + "/ingested"
        print("stage:", try ingest(fixtures + "/corpus/jsonl", into: ingested).line)
        let reports = try runPipeline(yaml: cleanupPipeline(input: ingested, output: output + "/cleaned"))
        for report in reports { print("pipeline:", report.line) }
        guard let last = reports.last else { return }
        try printDocuments(of: last.dataset.root, limit: 3)
        try printCatalogSummary(of: last.dataset.root)
    }
}
