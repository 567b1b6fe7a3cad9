import Foundation
import PretextCore
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextPipeline

/// The dataset → dataset driver, through the normalize stage.
@Suite struct DocumentStageTests {
    private func ingest(_ directory: TemporaryDirectory, _ lines: [String]) throws -> String {
        try StageRun.ingest(lines: [lines], in: directory)
    }

    private func rows(_ dataset: String, _ sql: String) throws -> [[SQLValue]] {
        try StageRun.rows(dataset, sql)
    }

    @Test func normalizesTextAndCarriesRowsAndSignalsForward() throws {
        let directory = try TemporaryDirectory()
        let input = try ingest(
            directory,
            [
                #"{"id":"a","text":"cafe\u0301 au lait"}"#,
                #"{"id":"b","text":"ＡＢＣ，你好"}"#,
                #"{"id":"c","text":"plain"}"#,
            ])
        // A signal an earlier stage would have written: it must survive the next stage.
        let catalog = try Dataset.open(at: input).openCatalog()
        _ = try catalog.ensureColumn(table: "documents", name: "earlier_score", type: "REAL")
        try catalog.connection.execute("UPDATE documents SET earlier_score = 0.5 WHERE id = 'a'")

        for (form, expected) in [("nfc", "ＡＢＣ，你好"), ("nfkc", "ABC,你好")] {
            let output = directory.path + "/" + form
            let report = try StageRun.stage("normalize", [("form", .scalar(form))], input: input, output: output)
            #expect(report.kept == 3 && report.rejected == 0)
            let fetched = try DocumentFetch.texts(output)
            #expect(fetched["a"] == "caf\u{E9} au lait")
            #expect(fetched["b"] == expected)
            let a = try rows(
                output, "SELECT bytes, chars, input_line, source, earlier_score FROM documents WHERE id = 'a'")
            #expect(a.first?[0] == .integer(13) && a.first?[1] == .integer(12))
            #expect(a.first?[2] == .integer(1))
            #expect(a.first?[3].description.hasSuffix("in/part-0.jsonl") == true)
            #expect(a.first?[4] == .real(0.5))
            #expect(try DatasetVerifier.verify(try Dataset.open(at: output)).isClean)
        }
    }

    @Test func aPipelineChainsStepsAndSkipsThemOnRerun() throws {
        let directory = try TemporaryDirectory()
        try directory.write("in/a.jsonl", #"{"id":"x","text":"e\u0301"}"# + "\n")
        let stages = "  - stage: normalize\n    form: nfkc"
        let first = try StageRun.pipeline(stages, in: directory)
        #expect(first.map(\.stage) == ["ingest", "normalize"])
        #expect(first.allSatisfy { $0.merged })
        #expect(try DocumentFetch.texts(directory.path + "/out/02-normalize") == ["x": "\u{E9}"])
        let second = try StageRun.pipeline(stages, in: directory)
        #expect(second.allSatisfy { $0.ranksRun.isEmpty })
    }

    @Test func droppedDocumentsGoToRejectsWhole() throws {
        let directory = try TemporaryDirectory()
        let long = String(repeating: "word ", count: 2000) + "drop me"
        let input = try ingest(
            directory, [#"{"id":"k","text":"keep"}"#, "{\"id\":\"d\",\"text\":\"\(long)\",\"n\":1}"])
        let registry = StageRegistry([.init(DropMarked.self)])
        let output = directory.path + "/out"
        let report = try StageRun.stage("drop_marked", input: input, output: output, registry: registry)
        #expect(report.documentsIn == 2 && report.kept == 1 && report.rejected == 1)
        let drop = try rows(output, "SELECT document, stage, reason, detail FROM drops")
        #expect(drop.map { $0.map(\.description) } == [["d", "drop_marked", "marked", "the text says so"]])
        let rejected = try rows(
            output,
            "SELECT s.path, d.reject_frame, d.reject_offset, d.reject_length FROM drops d "
                + "JOIN shards s ON s.id = d.reject_shard_id")
        let record = try RecordFetcher(dataset: try Dataset.open(at: output)).record(
            shard: rejected[0][0].description, frame: rejected[0][1].int ?? 0, offset: rejected[0][2].int ?? 0,
            length: rejected[0][3].int ?? 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(record)) as? [String: Any])
        let raw = try #require(object["raw"] as? String)
        let original = try DocumentRecord.decode(Array(raw.utf8))
        #expect(original.text == long)
        #expect(original.metaJSON.contains("\"n\":1"))
    }

    @Test func aStageThatPromisesToKeepDocumentsFailsWhenItDoesNot() throws {
        let directory = try TemporaryDirectory()
        let input = try ingest(directory, [#"{"id":"k","text":"keep"}"#, #"{"id":"d","text":"drop me"}"#])
        let registry = StageRegistry([.init(ClaimsToKeep.self)])
        let error = try #require(throws: PretextError.self) {
            try StageRun.stage("claims_to_keep", input: input, output: directory.path + "/out", registry: registry)
        }
        #expect(error.message.contains("changed or dropped document d"), "\(error)")
    }

    @Test func ingestCannotFollowAnotherStage() throws {
        let text = "output: o\ninputs: [x]\nstages:\n  - stage: ingest\n  - stage: ingest\n"
        let error = try #require(throws: PretextError.self) { try PipelineParser().parse(text, path: "p.yaml") }
        #expect(error.path == "p.yaml" && error.line == 5 && error.message.contains("must be the first step"))
    }
}

/// A document stage for tests: drops documents whose text contains "drop me".
struct DropMarked: DocumentStage {
    static let descriptor = StageDescriptor(name: "drop_marked", summary: "test", options: [], input: .dataset)
    init(options: StageOptions) throws {}
    func makeWorker() throws -> Worker { Worker() }

    struct Worker: DocumentWorker {
        mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            document.text.contains("drop me") ? .drop(reason: "marked", detail: "the text says so") : .keep
        }
    }
}

/// A stage that says it keeps every document unchanged, yet drops one: the driver refuses.
struct ClaimsToKeep: DocumentStage {
    static let descriptor = StageDescriptor(name: "claims_to_keep", summary: "test", options: [], input: .dataset)
    init(options: StageOptions) throws {}
    var keepsDocumentsUnchanged: Bool { true }
    func makeWorker() throws -> DropMarked.Worker { DropMarked.Worker() }
}

/// Reads every document of a dataset back, by id.
enum DocumentFetch {
    static func texts(_ path: String) throws -> [String: String] {
        let dataset = try Dataset.open(at: path)
        let rows = try dataset.openCatalog(readOnly: true).query(
            "SELECT s.path, d.frame, d.offset, d.length FROM documents d JOIN shards s ON s.id = d.shard_id")
        let fetcher = RecordFetcher(dataset: dataset)
        var texts: [String: String] = [:]
        for row in rows.rows {
            let record = try fetcher.record(
                shard: row[0].description, frame: row[1].int ?? 0, offset: row[2].int ?? 0, length: row[3].int ?? 0)
            let document = try DocumentRecord.decode(record)
            texts[document.id] = document.text
        }
        return texts
    }
}
