import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext audit DATASET`: the bias and content audit of a dataset, written to its
    /// `reports/` (audit.json, audit.html), with a short summary on standard output.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit who a dataset talks about, how, and what earlier filters removed; writes reports/.")

        @Argument(help: "The dataset directory (a pipeline step's output, to include earlier steps' drops).")
        var dataset: String

        @Option(
            help: "The lexicon directory (one subdirectory per language; default: the lexicons shipped with pretext).")
        var lexicons: String?

        @Option(help: "Languages to load from the lexicon directory, comma-separated (default: all).")
        var languages: String?

        @Option(help: "Threads.")
        var workers = 1

        @Option(help: "PMI definition: textbook or dmt (data-measurements-tool).")
        var variant = AuditStage.variant.defaultValue.rawValue

        @Flag(help: "Do not read the drops of earlier steps (no filter-disparity section).")
        var noHistory = false

        func run() throws {
            try ExitCodes.reporting {
                guard let pmi = Association.Variant(rawValue: variant) else {
                    throw PretextError(.invalidConfiguration, "--variant must be textbook or dmt")
                }
                let set = try LexiconSet.load(
                    directory: try AuditStage.lexiconDirectory(lexicons ?? ""),
                    languages: languages?.split(separator: ",").map(String.init))
                let runner = AuditRunner(terms: try AuditTerms(lexicons: set), variant: pmi)
                let report = try runner.run(dataset: dataset, workers: max(1, workers), history: !noHistory)
                let files = try AuditRunner.write(report, toDatasetAt: dataset)
                print(AuditSummary.text(report))
                print("report: \(files.json)")
                print("open in a browser: \(files.html)")
            }
        }
    }
}
