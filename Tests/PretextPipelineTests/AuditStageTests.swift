import Foundation
import PretextAudit
import PretextCore
import PretextStages
import PretextStore
import Testing

@testable import PretextPipeline

/// The audit stage's options: lexicon languages, PMI variant, list length, history.
@Suite struct AuditStageTests {
    private static let lexicons: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/lexicons"
    }()

    private func audit(_ input: String, _ output: String, _ given: [(String, RawOptionValue)]) throws -> AuditReport {
        let options = try StageOptions(
            specs: AuditStage.descriptor.options,
            given: ([("lexicons", .scalar(Self.lexicons))] + given).map { ($0.0, $0.1, nil) },
            context: "test")
        _ = try PipelineRunner().runStage(
            "audit", options: options, input: .dataset(path: input), output: output,
            settings: RunSettings(workers: 2, progressStyle: .silent))
        return try AuditReport(json: Data(contentsOf: URL(fileURLWithPath: output + "/reports/audit.json")))
    }

    @Test func optionsShapeTheReport() throws {
        let directory = try TemporaryDirectory()
        let sentences = [
            "She is a nurse.", "She is a nurse and a teacher.", "He is an engineer.", "He is an engineer too.",
            "她是护士。", "他是工程师。",
        ]
        let input = try DedupeTestRun.ingest([sentences.enumerated().map { ("d\($0)", $1) }], in: directory)
        let textbook = try audit(input, directory.path + "/textbook", [])
        #expect(textbook.associations.variant == "textbook")
        #expect(textbook.pronouns.counts["female"] == 3 && textbook.pronouns.counts["male"] == 3)

        let shaped = try audit(
            input, directory.path + "/shaped",
            [
                ("variant", .scalar("dmt")), ("top", .scalar("1")), ("history", .scalar("false")),
                ("languages", .sequence(["zh"])),
            ])
        #expect(shaped.associations.variant == "dmt")
        #expect(shaped.associations.groups.allSatisfy { $0.top.count <= 1 })
        #expect(shaped.disparity.isEmpty)
        // Only the Chinese lexicon: the English pronouns are not counted.
        #expect(shaped.pronouns.counts["female"] == 1 && shaped.pronouns.counts["male"] == 1)

        let missing = try StageOptions(
            specs: AuditStage.descriptor.options, given: [("lexicons", .scalar(directory.path + "/none"), nil)],
            context: "test")
        #expect(throws: PretextError.self) { try AuditStage(options: missing) }
    }
}
