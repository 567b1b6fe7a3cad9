import Foundation
import PretextTestSupport
import Testing

@testable import PretextStore

/// Issue 12, cases 1–4 and 10, as a user meets them: a damaged or hostile dataset never passes
/// for a healthy one, read-only commands write nothing, and a dataset stays inside its folder.
@Suite struct DamagedDatasetTests {
    /// A dataset of 40 documents and two rejects, ingested by the CLI.
    private func dataset(_ scratch: TemporaryDirectory, name: String = "d") throws -> String {
        var lines = (0..<40).map { "{\"id\":\"doc-\($0)\",\"text\":\"Document number \($0) has a few words.\"}" }
        lines.insert("{\"id\":\"bad\",\"text\":7}", at: 10)
        lines.insert("not json", at: 20)
        try scratch.write("in-\(name)/a.jsonl", lines.joined(separator: "\n") + "\n")
        let output = scratch.file(name)
        let ingest = try CLI.run([
            "stage", "ingest", "--input", scratch.file("in-\(name)"), "--output", output, "--quiet",
        ])
        #expect(ingest.status == 3, "\(ingest.stderr)")
        return output
    }

    private func edit(_ dataset: String, _ sql: String) throws {
        let connection = try SQLiteConnection(path: dataset + "/catalog.sqlite")
        try connection.execute("PRAGMA foreign_keys = OFF; \(sql)")
    }

    /// Every file and directory under `path` with its size and modification time.
    private func listing(_ path: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        let manager = FileManager.default
        for name in try manager.subpathsOfDirectory(atPath: path) {
            let attributes = try manager.attributesOfItem(atPath: path + "/" + name)
            let size = attributes[.size].map { "\($0)" } ?? "?"
            let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            entries[name] = "\(size) \(date)"
        }
        return entries
    }

    /// Runs the reading commands and a stage on `dataset`; returns their results by name.
    private func readers(_ dataset: String, _ scratch: TemporaryDirectory) throws -> [String: CLI.Result] {
        [
            "cat": try CLI.run(["cat", dataset]),
            "inspect": try CLI.run(["inspect", dataset]),
            "query": try CLI.run(["query", dataset, "SELECT count(*) FROM documents"]),
            "verify": try CLI.run(["verify", dataset]),
            "normalize": try CLI.run([
                "stage", "normalize", "--input", dataset, "--output", scratch.file("out-\(UUID().uuidString)"),
                "--quiet",
            ]),
        ]
    }

    @Test func case1AZeroByteCatalogIsADamagedDatasetForEveryCommand() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        try Data().write(to: URL(fileURLWithPath: dataset + "/catalog.sqlite"))
        let before = try listing(dataset)
        for (command, result) in try readers(dataset, scratch) {
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("catalog.sqlite"), "\(command) names the catalog: \(result.stderr)")
        }
        #expect(try listing(dataset) == before, "nothing was written: no schema, no -wal or -shm file")
    }

    @Test func case2ReadingCommandsWriteNothingAndLeaveAVersionOneCatalogAsItIs() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        try edit(
            dataset,
            """
            DROP INDEX documents_location; CREATE INDEX documents_shard ON documents(shard_id);
            DELETE FROM schema_migrations WHERE version = 2; PRAGMA user_version = 1;
            """)
        try FileManager.default.removeItem(atPath: dataset + "/reports")
        try FileManager.default.removeItem(atPath: dataset + "/parts")
        let before = try listing(dataset)
        for (command, result) in try readers(dataset, scratch) {
            #expect(result.status == 0, "\(command): \(result.status) \(result.stderr)")
        }
        #expect(try listing(dataset) == before, "no migration, no folder, no -wal or -shm file")
        let version = try SQLiteConnection(path: dataset + "/catalog.sqlite", readOnly: true).scalar(
            "PRAGMA user_version")
        #expect(version?.int == 1)
    }

    @Test(arguments: [
        ("DELETE FROM documents WHERE rowid = 5", "missing_row"),
        (
            "INSERT INTO documents(id, shard_id, frame, offset, length) SELECT id, shard_id, frame, offset, length "
                + "FROM documents WHERE rowid = 7", "duplicate_row"
        ),
        ("DELETE FROM shards WHERE kind = 'documents'", "row_mismatch"),
    ])
    func case3RowDamageIsReportedByVerifyAndRefusedByReaders(_ sql: String, _ kind: String) throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        try edit(dataset, sql)
        let results = try readers(dataset, scratch)
        let verify = try #require(results["verify"])
        #expect(verify.status == 1 && verify.stdout.contains("[\(kind)]"), "\(verify.stdout)")
        for command in ["cat", "normalize"] {
            let result = try #require(results[command])
            #expect(result.status == 1, "\(command) refuses: \(result.stderr)")
            #expect(result.stderr.contains("pretext verify"), "\(command): \(result.stderr)")
        }
    }

    @Test func case3ACorruptedIndexPageIsReportedByVerifyAndRefusedByAStage() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        let catalog = dataset + "/catalog.sqlite"
        let page = try SQLiteConnection(path: catalog, readOnly: true).scalar(
            "SELECT rootpage FROM sqlite_master WHERE name = 'documents_id'")
        let pageNumber = try #require(page?.int)
        let handle = try #require(FileHandle(forWritingAtPath: catalog))
        try handle.seek(toOffset: UInt64((pageNumber - 1) * 4096))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 4096))
        try handle.close()
        let results = try readers(dataset, scratch)
        let verify = try #require(results["verify"])
        #expect(verify.status == 1 && verify.stdout.contains("[catalog_integrity]"), "\(verify.stdout)")
        let stage = try #require(results["normalize"])
        #expect(stage.status == 1 && stage.stderr.contains("the catalog is damaged"), "\(stage.stderr)")
    }

    @Test func case4AShardPathLeavingTheFolderIsReportedAndNeverRead() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        let victim = try self.dataset(scratch, name: "victim")
        try FileManager.default.createDirectory(atPath: scratch.file("outside"), withIntermediateDirectories: true)
        let shard = "shards/01-ingest-r00000-00000.jsonl.zst"
        try FileManager.default.copyItem(atPath: victim + "/" + shard, toPath: scratch.file("outside/victim.jsonl.zst"))
        try edit(dataset, "UPDATE shards SET path = '../outside/victim.jsonl.zst' WHERE path = '\(shard)'")
        let verify = try CLI.run(["verify", dataset])
        #expect(verify.status == 1 && verify.stdout.contains("[path_outside_dataset]"), "\(verify.stdout)")
        let cat = try CLI.run(["cat", dataset])
        #expect(cat.status == 1 && cat.stdout.isEmpty && cat.stderr.contains("../outside/victim.jsonl.zst"))
        let output = scratch.file("linked")
        let language = try CLI.run(["stage", "language", "--input", dataset, "--output", output, "--quiet"])
        #expect(language.status == 1, "\(language.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: output + "/shards")) ?? []).isEmpty)
    }

    @Test func case4ASymbolicLinkOutOfTheFolderIsReportedAndNeverRead() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        let shard = dataset + "/shards/01-ingest-r00000-00000.jsonl.zst"
        try FileManager.default.moveItem(atPath: shard, toPath: scratch.file("moved.jsonl.zst"))
        try FileManager.default.createSymbolicLink(atPath: shard, withDestinationPath: scratch.file("moved.jsonl.zst"))
        let verify = try CLI.run(["verify", dataset])
        #expect(verify.status == 1 && verify.stdout.contains("[path_outside_dataset]"), "\(verify.stdout)")
        let cat = try CLI.run(["cat", dataset])
        #expect(cat.status == 1 && cat.stderr.contains("symbolic link"), "\(cat.stderr)")
    }

    @Test func case10AMissingShardIsADamagedDatasetExitOne() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try dataset(scratch)
        try FileManager.default.removeItem(atPath: dataset + "/shards/01-ingest-r00000-00000.jsonl.zst")
        let results = try readers(dataset, scratch)
        for command in ["cat", "normalize", "verify"] {
            let result = try #require(results[command])
            #expect(result.status == 1, "\(command): \(result.status) \(result.stderr)")
        }
        #expect(results["verify"]?.stdout.contains("[missing_shard]") == true)
        #expect(results["cat"]?.stderr.contains("01-ingest-r00000-00000.jsonl.zst") == true)
    }
}
