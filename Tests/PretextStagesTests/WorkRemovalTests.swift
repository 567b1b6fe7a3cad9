import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

/// A phased step's work area (`STEP/work/`) is removed once its dataset is complete, unless
/// `keep_work: true`; a rerun of the complete step redoes nothing (issue 15).
@Suite struct WorkRemovalTests {
    private func input(in directory: TemporaryDirectory) throws -> String {
        let texts = (0..<40).map { "Document \($0 % 10) talks about the river, the town and the people in it." }
        return try StageRun.ingest(
            lines: [texts.enumerated().map { try StageRun.line(id: "d\($0)", text: $1) }], in: directory)
    }

    private func execution(keepWork: Bool) -> StageOptions {
        var values = ExecutionSettings.defaults.values
        values["keep_work"] = .boolean(keepWork)
        return StageOptions(values)
    }

    @Test(arguments: ["exact", "minhash", "lines"]) func theWorkAreaGoesWhenTheStepIsComplete(method: String) throws {
        let directory = try TemporaryDirectory()
        let input = try input(in: directory)
        let output = directory.file("dedupe")
        let first = try StageRun.stage(
            "dedupe", [("method", .scalar(method))], input: input, output: output,
            settings: StageRun.settings(workers: 2))
        #expect(first.merged && first.rejected > 0)
        #expect(!FileManager.default.fileExists(atPath: output + "/work"))
        let before = try StageRun.rows(output, "SELECT id FROM documents ORDER BY id")

        // The rerun finds every rank done: no phase, no task, same dataset.
        let again = try StageRun.stage(
            "dedupe", [("method", .scalar(method))], input: input, output: output,
            settings: StageRun.settings(workers: 2))
        #expect(again.ranksRun.isEmpty && again.ranksSkipped == [0, 1] && again.merged)
        #expect(!FileManager.default.fileExists(atPath: output + "/work"))
        #expect(try StageRun.rows(output, "SELECT id FROM documents ORDER BY id") == before)
    }

    @Test func keepWorkKeepsIt() throws {
        let directory = try TemporaryDirectory()
        let input = try input(in: directory)
        let output = directory.file("dedupe")
        try StageRun.stage(
            "dedupe", [("method", .scalar("exact"))], input: input, output: output,
            execution: execution(keepWork: true))
        let areas = try FileManager.default.contentsOfDirectory(atPath: output + "/work")
        #expect(areas.count == 1)
    }

    @Test func aCompleteAuditRerunKeepsItsReport() throws {
        let directory = try TemporaryDirectory()
        let input = try input(in: directory)
        let output = directory.file("audit")
        let lexicons = [("lexicons", RawOptionValue.scalar(AuditStageTests.lexicons))]
        let first = try StageRun.stage("audit", lexicons, input: input, output: output)
        #expect(!first.notes.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output + "/work"))
        let report = try Data(contentsOf: URL(fileURLWithPath: output + "/reports/audit.json"))
        let again = try StageRun.stage("audit", lexicons, input: input, output: output)
        #expect(again.ranksRun.isEmpty && again.notes.first?.contains("already complete") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: output + "/reports/audit.json")) == report)
    }
}
