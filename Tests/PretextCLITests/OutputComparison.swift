import Foundation
import Testing

/// Compares two outputs of one pipeline (run on a cluster, run locally) step by step: what each
/// step kept and dropped, and the reports and tokenizers the steps wrote.
struct OutputComparison {
    let expected: String
    let actual: String

    /// The step datasets of the expected output (`NN-stage`), in order.
    func steps() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: expected)
            .filter { $0.first?.isNumber == true && $0.contains("-") }.sorted()
    }

    /// Expects every step dataset of `actual` to hold the same documents, drops, signal columns
    /// and runs (timings aside) as `expected`'s, and the same audit reports and tokenizers.
    func expectEqual(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let steps = try steps()
        #expect(!steps.isEmpty, sourceLocation: sourceLocation)
        for step in steps {
            for sql in try queries(step) {
                let want = try rows(expected + "/" + step, sql)
                let got = try rows(actual + "/" + step, sql)
                #expect(got == want, "\(step): \(sql)", sourceLocation: sourceLocation)
            }
            for file in ["reports/audit.json", "tokenizer/tokenizer.json"] {
                let want = FileManager.default.contents(atPath: "\(expected)/\(step)/\(file)")
                let got = FileManager.default.contents(atPath: "\(actual)/\(step)/\(file)")
                #expect(got == want, "\(step)/\(file)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The queries compared for `step`: documents with every signal column the step's
    /// catalog has, drops, and runs without their times.
    private func queries(_ step: String) throws -> [String] {
        let columns = try rows(expected + "/" + step, "SELECT name FROM pragma_table_info('documents') ORDER BY name")
            .split(separator: "\n").map(String.init)
            .filter { !["rowid", "shard_id", "frame", "offset", "length"].contains($0) }
        return [
            "SELECT \(columns.joined(separator: ", ")) FROM documents ORDER BY id",
            "SELECT document, stage, reason, detail FROM drops ORDER BY document, stage, reason, detail",
            "SELECT step, stage, rank, world_size, status, docs_in, docs_out, docs_rejected FROM runs ORDER BY step, rank",
        ]
    }

    private func rows(_ dataset: String, _ sql: String) throws -> String {
        let result = try CLI.run(["query", dataset, sql, "--no-header"])
        guard result.status == 0 else { throw SlurmTestError("query \(dataset) \(sql): \(result.stderr)") }
        return result.stdout
    }
}
