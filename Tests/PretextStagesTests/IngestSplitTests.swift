import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

/// Ingest of one large plain JSONL file by several tasks, each reading a byte range (issue
/// 15): the same documents, ids, line numbers and rejects as one task; every line read once.
@Suite struct IngestSplitTests {
    /// A file of 2,000 records: ids given and generated, CRLF, blank, malformed, empty and
    /// overlong lines, seeded.
    private func writeInput(in directory: TemporaryDirectory) throws -> String {
        var random = SplitMix64(seed: 15)
        var lines: [String] = []
        for index in 0..<2_000 {
            switch random.next() % 50 {
            case 0: lines.append("{broken")
            case 1: lines.append("")
            case 2: lines.append(#"{"text":"  "}"#)
            case 3: lines.append(#"{"text":""# + String(repeating: "y", count: 2_000) + #""}"#)
            default:
                let count = Int(1 + random.next() % 40)
                let words: [String] = (0..<count).map { "w\($0 * Int(random.next() % 7))" }
                let id: String = random.next() % 2 == 0 ? "\"id\":\"d\(index)\"," : ""
                let ending: String = index % 5 == 0 ? "\r" : ""
                lines.append("{" + id + "\"text\":\"" + words.joined(separator: " ") + "\"}" + ending)
            }
        }
        return try directory.write("in/big.jsonl", lines.joined(separator: "\n") + "\n")
    }

    private func ingest(_ input: String, output: String, settings: RunSettings) throws -> StepReport {
        let options = try StageOptions(
            specs: IngestStage.descriptor.options,
            given: [("split_bytes", .scalar("1024"), nil), ("max_line_bytes", .scalar("1024"), nil)], context: "test")
        return try PipelineRunner().runStage(
            "ingest", options: options, input: .files([InputSpec(path: input)]), output: output, settings: settings)
    }

    private func rows(_ dataset: String, _ sql: String) throws -> [[String]] {
        try Dataset.open(at: dataset).openCatalog(readOnly: true).query(sql).rows.map { $0.map(\.description) }
    }

    private let documents = "SELECT id, input_line, bytes FROM documents ORDER BY input_line"
    private let drops = "SELECT reason, input_line, input_offset FROM drops ORDER BY input_offset"

    @Test(arguments: [2, 3]) func tasksReadingRangesEqualOneTask(workers: Int) throws {
        let directory = try TemporaryDirectory()
        let input = try writeInput(in: directory)
        let one = try ingest(
            input, output: directory.file("one"), settings: RunSettings(workers: 1, progressStyle: .silent))
        let many = try ingest(
            input, output: directory.file("many"), settings: RunSettings(workers: workers, progressStyle: .silent))
        #expect(many.documentsIn == one.documentsIn && many.kept == one.kept && many.rejected == one.rejected)
        #expect(one.rejected > 100)
        for sql in [documents, drops] {
            #expect(try rows(directory.file("many"), sql) == rows(directory.file("one"), sql), "\(sql)")
        }
        // Every task read its share, and the file counts once.
        let runs = try rows(directory.file("many"), "SELECT docs_in, files_in FROM runs ORDER BY rank")
        #expect(runs.count == workers && runs.allSatisfy { Int($0[0])! > 2_000 / workers / 2 })
        #expect(runs.map { Int($0[1])! }.reduce(0, +) == 1)
        #expect(try DatasetVerifier.verify(Dataset.open(at: directory.file("many"))).isClean)
    }

    @Test func separateRanksCoverEveryLineOnce() throws {
        let directory = try TemporaryDirectory()
        let input = try writeInput(in: directory)
        try ingest(input, output: directory.file("one"), settings: RunSettings(workers: 1, progressStyle: .silent))
        let output = directory.file("ranks")
        for rank in [2, 0, 1] {
            try ingest(input, output: output, settings: RunSettings(rank: rank, worldSize: 3, progressStyle: .silent))
        }
        let lines = try rows(output, "SELECT input_line FROM documents UNION ALL SELECT input_line FROM drops")
        #expect(Set(lines).count == lines.count, "no line read twice")
        for sql in [documents, drops] { #expect(try rows(output, sql) == rows(directory.file("one"), sql)) }
    }
}
