import PretextCore
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextStages

/// The `where` option of the example stages: examples are made of the matching documents only.
@Suite struct ExampleSelectionTests {
    @Test func onlyTheMatchingDocumentsFeedTheExamples() throws {
        let directory = try TemporaryDirectory()
        let input = try MaskedLMStageTests.tokenized(directory)
        let condition = "rowid % 3 = 0"
        let output = directory.file("out/05-causal_lm")
        let report = try StageRun.stage(
            "causal_lm", [("where", .scalar(condition)), ("block_size", .scalar("64"))], input: input, output: output)
        let selected = try StageRun.rows(input, "SELECT sum(tokens) + count(*) FROM documents WHERE \(condition)")
        let all = try StageRun.rows(input, "SELECT count(*) FROM documents")
        let packed = try StageRun.rows(output, "SELECT sum(records) FROM shards WHERE kind = 'examples'")
        let tokens = try #require(selected.first?.first?.int), blocks = try #require(packed.first?.first?.int)
        #expect(blocks >= tokens / 64 && blocks <= tokens / 64 + 2, "\(blocks) blocks of 64 for \(tokens) tokens")
        #expect(report.documentsIn == all.first?.first?.int && report.kept == report.documentsIn)
        let error = try #require(throws: PretextError.self) {
            try StageRun.stage(
                "mlm", [("where", .scalar("no_such_column > 1"))], input: input, output: directory.file("x"))
        }
        #expect(error.code == .invalidConfiguration && error.message.contains("no_such_column"))
    }
}
