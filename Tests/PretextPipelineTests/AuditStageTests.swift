import Foundation
import PretextAudit
import PretextCore
import PretextStages
import PretextStore
import Testing

@testable import PretextPipeline
@testable import PretextStages

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

    @Test func piecesOfShardsCoverEveryFrameOnceAndGiveTheSameReport() throws {
        let directory = try TemporaryDirectory()
        let lines = (0..<400).map { index in
            (index % 3 == 0 ? "She is a nurse in town \(index)." : "他是第\(index)位工程师。He is an engineer.")
        }
        for (index, file) in stride(from: 0, to: lines.count, by: 100).enumerated() {
            let records = try lines[file..<file + 100].enumerated().map { offset, text in
                String(
                    decoding: try JSONSerialization.data(withJSONObject: ["id": "d\(file + offset)", "text": text]),
                    as: UTF8.self)
            }
            try directory.write("in/part-\(index).jsonl", records.joined(separator: "\n") + "\n")
        }
        var execution = ExecutionSettings.defaults.values
        execution["frame_bytes"] = .integer(1024)
        execution["shard_bytes"] = .integer(8192)
        let input = directory.path + "/ingested"
        _ = try PipelineRunner().runStage(
            "ingest", options: StageOptions(), input: .files([InputSpec(path: directory.path + "/in")]), output: input,
            execution: StageOptions(execution), settings: RunSettings(progressStyle: .silent))

        let units = try ShardUnit.plan(.dataset(path: input), stage: "audit")
        let pieces = try ShardPiece.pieces(of: units, threads: 3)
        #expect(pieces.count > units.count, "several pieces per shard")
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.bytes >= $1.bytes })
        var records = 0
        for unit in units {
            let own = pieces.filter { $0.unit.path == unit.path }.map(\.frames).sorted { $0.lowerBound < $1.lowerBound }
            let frames = try ShardReader(path: unit.dataset.path(unit.path)).frameCount
            #expect(own.first?.lowerBound == 0 && own.last?.upperBound == frames)
            #expect(zip(own, own.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            for piece in own { records += try ShardDocuments(unit: unit).forEachRecord(frames: piece) { _, _, _ in } }
        }
        #expect(records == 400)

        let terms = try AuditTerms(lexicons: LexiconSet.load(directory: Self.lexicons))
        let single = try AuditRunner(terms: terms).run(dataset: input, workers: 1)
        let threaded = try AuditRunner(terms: terms).run(dataset: input, workers: 3)
        #expect(single == threaded && single.corpus.documents == 400)
        #expect(single.pronouns.counts["male"] == 266 + 266 && single.pronouns.counts["female"] == 134)
    }
}
