import Foundation
import PretextAudit
import PretextCore
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextPipeline
@testable import PretextStages

/// The audit stage's options: lexicon languages, PMI variant, list length, history.
@Suite struct AuditStageTests {
    static let lexicons: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/lexicons"
    }()

    private func audit(_ input: String, _ output: String, _ given: [(String, RawOptionValue)]) throws -> AuditReport {
        try StageRun.stage(
            "audit", [("lexicons", .scalar(Self.lexicons))] + given, input: input, output: output,
            settings: StageRun.settings(workers: 2))
        return try AuditReport(json: Data(contentsOf: URL(fileURLWithPath: output + "/reports/audit.json")))
    }

    @Test func optionsShapeTheReport() throws {
        let directory = try TemporaryDirectory()
        let sentences = [
            "She is a nurse.", "She is a nurse and a teacher.", "He is an engineer.", "He is an engineer too.",
            "她是护士。", "他是工程师。",
        ]
        let input = try StageRun.ingest(
            lines: [sentences.enumerated().map { try StageRun.line(id: "d\($0)", text: $1) }], in: directory,
            shardBytes: 4096)
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
        let files = try stride(from: 0, to: lines.count, by: 100).map { file in
            try (file..<file + 100).map { try StageRun.line(id: "d\($0)", text: lines[$0]) }
        }
        let input = try StageRun.ingest(lines: files, in: directory, shardBytes: 8192, frameBytes: 1024)

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
        // Without a language each document gets the lexicon of its script: the mixed ones have
        // more Han characters (7) than Latin words (4), so only 他 counts, not "He".
        #expect(single.pronouns.counts["male"] == 266 && single.pronouns.counts["female"] == 134)
        #expect(single.coverage.audited.map(\.lexicon) == ["zh", "en"])
    }

    /// Ingests `texts` (one JSON line each, ids `d0`, `d1`, …) into the dataset `output`.
    private func ingest(_ texts: [String], in directory: TemporaryDirectory, to output: String) throws {
        let lines = try texts.enumerated().map { try StageRun.line(id: "d\($0)", text: $1) }
        try StageRun.ingest(lines: [lines], in: directory, output: output)
    }

    @Test func aFilterThatDropsOneGroupMoreIsFlaggedAndAnEvenOneIsNot() throws {
        // Long documents pass Gopher's quality rules; short ones (under 50 words) do not.
        let long = [
            "The shop near the river sells bread and tea to the people of the town, and the owner has kept it open",
            "for many years. In the morning the street is quiet, but by noon it is full of people who stop to talk,",
            "to buy bread and to rest in the shade of the trees that grow along the water. The owner says that the",
            "best part of the day is the hour before closing, when the light is soft and the work is almost done.",
        ].joined(separator: " ")
        let short = "The shop near the river sells bread and tea."
        func documents(muslimShort: Int, muslim: Int, otherShort: Int, other: Int) -> [String] {
            (0..<muslim).map { "A Muslim neighbour visits. " + ($0 < muslimShort ? short : long) }
                + (0..<other).map { "A neighbour visits. " + ($0 < otherShort ? short : long) }
        }
        let terms = try AuditTerms(lexicons: LexiconSet.load(directory: Self.lexicons))
        let cases = [
            ("biased", documents(muslimShort: 40, muslim: 60, otherShort: 10, other: 140)),
            ("even", documents(muslimShort: 15, muslim: 60, otherShort: 35, other: 140)),
        ]
        for (name, texts) in cases {
            let directory = try TemporaryDirectory()
            let steps = directory.path + "/\(name)"
            try ingest(texts, in: directory, to: steps + "/01-ingest")
            try StageRun.stage(
                "quality", [("families", .sequence(["gopher_quality"]))], input: steps + "/01-ingest",
                output: steps + "/02-quality")
            let report = try AuditRunner(terms: terms).run(dataset: steps + "/02-quality", workers: 2)
            let quality = try #require(report.disparity.first { $0.step == "02-quality" })
            #expect(quality.documents == 200 && quality.dropped == 50, "\(name): \(quality.dropped) dropped")
            let muslim = try #require(quality.groups.first { $0.group == "religion/muslim" })
            #expect(muslim.documents == 60)
            if name == "biased" {
                // 40 of 60 dropped against 10 of 140: flagged, the interval above zero.
                #expect(muslim.dropped == 40 && muslim.flagged && muslim.ciLow > 0)
            } else {
                // 15 of 60 against 35 of 140: the same rate, nothing flagged.
                #expect(muslim.dropped == 15 && !muslim.flagged && muslim.ciLow < 0 && muslim.ciHigh > 0)
                #expect(quality.groups.allSatisfy { !$0.flagged })
            }
        }
    }

    /// The history phase cuts each step's drops into one stretch per task: every drop is read
    /// once whatever the number of tasks or threads, so the disparities never change.
    @Test func historyCountsEveryDropOnceWhateverTheTasks() throws {
        let directory = try TemporaryDirectory()
        let steps = directory.path + "/steps"
        let long = [
            "The shop near the river sells bread and tea to the people of the town, and the owner has kept it open",
            "for many years. In the morning the street is quiet, but by noon it is full of people who stop to talk,",
            "to buy bread and to rest in the shade of the trees that grow along the water. The owner says that the",
            "best part of the day is the hour before closing, when the light is soft and the work is almost done.",
        ].joined(separator: " ")
        let texts = (0..<90).map { index in
            let person = index % 3 == 0 ? "A Muslim neighbour visits. " : "A neighbour visits. "
            return person + (index % 4 == 0 ? "The shop sells bread." : long)
        }
        try ingest(texts, in: directory, to: steps + "/01-ingest")
        try StageRun.stage(
            "quality", [("families", .sequence(["gopher_quality"]))], input: steps + "/01-ingest",
            output: steps + "/02-quality")
        let dropped = try DroppedDocuments.count(in: steps + "/02-quality")
        #expect(dropped == 23)
        let terms = try AuditTerms(lexicons: LexiconSet.load(directory: Self.lexicons))
        let plain = try AuditRunner(terms: terms).run(dataset: steps + "/02-quality", workers: 1).disparity
        #expect(plain.first { $0.step == "02-quality" }?.dropped == dropped)
        #expect(try AuditRunner(terms: terms).run(dataset: steps + "/02-quality", workers: 3).disparity == plain)
        for workers in 1...3 {
            let output = steps + "/03-audit-w\(workers)"
            try StageRun.stage(
                "audit", [("lexicons", .scalar(Self.lexicons))], input: steps + "/02-quality", output: output,
                settings: StageRun.settings(workers: workers))
            let report = try AuditReport(json: Data(contentsOf: URL(fileURLWithPath: output + "/reports/audit.json")))
            #expect(report.disparity == plain, "\(workers) tasks")
        }
    }

    /// A step after one that dropped every document has no shards to read: it still completes,
    /// with the counts of an empty corpus.
    @Test func anAuditAfterEverythingWasDroppedCompletes() throws {
        let directory = try TemporaryDirectory()
        let steps = directory.path + "/steps"
        try ingest(["Too short.", "Also short."], in: directory, to: steps + "/01-ingest")
        try StageRun.stage(
            "quality", [("families", .sequence(["gopher_quality"]))], input: steps + "/01-ingest",
            output: steps + "/02-quality")
        let report = try audit(steps + "/02-quality", steps + "/03-audit", [])
        #expect(report.corpus.documents == 0)
    }

    @Test func theStepLinksItsInputShardsAndAddsColumns() throws {
        let directory = try TemporaryDirectory()
        let texts = (0..<300).map { "She is a nurse and he is an engineer, number \($0)." }
        let input = try StageRun.ingest(
            lines: [
                Array(try texts.enumerated().map { try StageRun.line(id: "d\($0)", text: $1) }.prefix(150)),
                try texts.enumerated().map { try StageRun.line(id: "e\($0)", text: $1) },
            ], in: directory, shardBytes: 8192, workers: 2)
        let output = directory.path + "/audited"
        _ = try audit(input, output, [("history", .scalar("false"))])
        func inodes(_ dataset: String) throws -> Set<UInt64> {
            Set(
                try FileManager.default.contentsOfDirectory(atPath: dataset + "/shards").map { name in
                    var info = stat()
                    _ = stat(dataset + "/shards/" + name, &info)
                    return UInt64(info.st_ino)
                })
        }
        let linked = try inodes(output)
        let original = try inodes(input)
        #expect(linked == original && original.count > 2)
        let before = try Catalog(path: input + "/catalog.sqlite", readOnly: true)
            .query("SELECT id, frame, offset, length FROM documents ORDER BY id").rows
        let after = try Catalog(path: output + "/catalog.sqlite", readOnly: true)
            .query("SELECT id, frame, offset, length FROM documents ORDER BY id").rows
        #expect(before.count == 450 && after == before)
        let columns = try Catalog(path: output + "/catalog.sqlite", readOnly: true)
            .query("SELECT count(*) FROM documents WHERE audit_groups = '' AND audit_mentions = 0").rows
        #expect(columns == [[.integer(450)]], "pronouns and occupations only: no identity group")
        let report = try DatasetVerifier.verify(try Dataset.open(at: output))
        #expect(report.isClean, "\(report.problems)")
    }
}
