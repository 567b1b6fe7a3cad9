import Foundation
import PretextCore
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextPipeline

/// The pii stage over a dataset: counts in the catalog, text rewritten in replace mode.
@Suite struct PIIStageTests {
    private func ingest(_ directory: TemporaryDirectory) throws -> String {
        let lines = [
            #"{"id":"a","text":"Write to jane.doe@example.com or call +1 555-0100 today."}"#,
            #"{"id":"b","text":"请联系 zhang@example.org 或致电 +86 138 0013 8000。"}"#,
            #"{"id":"c","text":"Nothing personal here, version 1.2.3.4.5 of the tool."}"#,
        ]
        return try StageRun.ingest(lines: [lines], in: directory)
    }

    private func run(_ input: String, _ output: String, _ given: [(String, String)]) throws -> StepReport {
        try StageRun.stage("pii", given.map { ($0.0, .scalar($0.1)) }, input: input, output: output)
    }

    @Test func countModeRecordsSignalsAndKeepsText() throws {
        let directory = try TemporaryDirectory()
        let input = try ingest(directory)
        let output = directory.path + "/count"
        let report = try run(input, output, [])
        #expect(report.kept == 3)
        let rows = try Dataset.open(at: output).openCatalog(readOnly: true).query(
            "SELECT id, pii_email, pii_phone, pii_ipv4 FROM documents ORDER BY id")
        #expect(
            rows.rows.map { $0.map(\.description) } == [
                ["a", "1", "1", "0"], ["b", "1", "1", "0"], ["c", "0", "0", "0"],
            ])
        #expect(try DocumentFetch.texts(output)["a"]?.contains("jane.doe@example.com") == true)
    }

    @Test func replaceModeWritesPlaceholders() throws {
        let directory = try TemporaryDirectory()
        let input = try ingest(directory)
        let output = directory.path + "/replace"
        _ = try run(input, output, [("mode", "replace")])
        let texts = try DocumentFetch.texts(output)
        #expect(texts["a"] == "Write to <EMAIL> or call <PHONE> today.")
        #expect(texts["b"] == "请联系 <EMAIL> 或致电 <PHONE>。")
        #expect(texts["c"] == "Nothing personal here, version 1.2.3.4.5 of the tool.")
    }

    @Test func unknownTypeIsAConfigurationError() throws {
        let options = try StageOptions(
            specs: PIIStage.descriptor.options, given: [("types", .sequence(["email", "ssn"]), nil)], context: "t")
        #expect(throws: PretextError.self) { try PIIStage(options: options) }
    }
}
