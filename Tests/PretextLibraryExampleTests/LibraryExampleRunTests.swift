import Foundation
import PretextStore
import PretextTestSupport
import Testing

/// Runs the built `PretextLibraryExample` on the fixtures, as docs/library.md says to, and checks
/// what it prints against `fixtures/expected.json` and the datasets it wrote.
@Suite struct LibraryExampleRunTests {
    /// What one run printed, by line prefix.
    struct Printed {
        var lines: [String]

        /// The lines starting with `prefix` + ":", without it.
        func values(_ prefix: String) -> [String] {
            lines.filter { $0.hasPrefix(prefix + ": ") }.map { String($0.dropFirst(prefix.count + 2)) }
        }
    }

    /// Runs the example into `output` from the repository root.
    static func run(output: String) throws -> (status: Int32, printed: Printed) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.exampleBinary)
        process.arguments = [output]
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return (process.terminationStatus, Printed(lines: lines))
    }

    /// The documents and records `fixtures/expected.json` gives for the JSONL fixtures.
    static func expectedJSONL() throws -> (documents: Int, records: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: Repository.root + "/fixtures/expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let files = try #require(root["files"] as? [String: [String: Any]])
        let jsonl = files.filter { $0.key.hasPrefix("corpus/jsonl/") }.values
        return (
            jsonl.reduce(0) { $0 + ($1["documents"] as? Int ?? 0) },
            jsonl.reduce(0) { $0 + ($1["records"] as? Int ?? 0) }
        )
    }

    /// The rows of `sql` on the catalog of the dataset at `path`, each as its values joined by spaces.
    static func rows(_ sql: String, dataset path: String) throws -> [String] {
        let catalog = try Dataset.open(at: path).openCatalog(readOnly: true)
        return try catalog.query(sql).rows.map { $0.map(\.description).joined(separator: " ") }
    }

    @Test func itIngestsCleansReadsAndQueriesTheFixtures() throws {
        let directory = try TemporaryDirectory()
        let (status, printed) = try Self.run(output: directory.path)
        #expect(status == 0)
        let expected = try Self.expectedJSONL()
        #expect(
            printed.values("stage").first?.hasPrefix(
                "step 1 (ingest): \(expected.records) records in, \(expected.documents) kept") == true,
            "\(printed.lines)")
        let steps = printed.values("pipeline").map { $0.prefix { $0 != ":" } }
        #expect(steps == ["step 1 (normalize)", "step 2 (language)", "step 3 (quality)"])
        let last = directory.file("cleaned/03-quality")
        let firstEnglish = try Self.rows(
            "SELECT id FROM documents WHERE lang = 'en' ORDER BY shard_id, frame, offset LIMIT 3", dataset: last)
        #expect(firstEnglish.count == 3)
        #expect(printed.values("document").map { String($0.prefix { $0 != " " }) } == firstEnglish)
        let languages = try Self.rows(
            "SELECT lang, count(*) FROM documents GROUP BY lang ORDER BY count(*) DESC, lang", dataset: last)
        #expect(printed.values("language") == languages)
        let drops = try Self.rows(
            "SELECT stage, reason, count(*) FROM drops WHERE stage = 'quality' GROUP BY reason ORDER BY reason",
            dataset: last)
        #expect(!drops.isEmpty)
        #expect(printed.values("drops") == drops)
    }

    @Test func aRunWithoutAnOutputIsAUsageError() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repository.exampleBinary)
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
    }
}
