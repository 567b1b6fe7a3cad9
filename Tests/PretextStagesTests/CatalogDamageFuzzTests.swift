import Foundation
import PretextCore
import PretextStages
import PretextTestSupport
import Testing

@testable import PretextStore

/// Random damage to a dataset's catalog (issue 12): every page corruption and every row edit
/// that changes what a reader would read is reported by `verify` and refused by a stage; the
/// edits that a document stage does not read (a rejects location, a file checksum) are
/// reported by `verify` and refused by the reader that does read them.
@Suite struct CatalogDamageFuzzTests {
    /// A small dataset with several document shards and frames, and rejects.
    private static func healthyDataset(in directory: TemporaryDirectory) throws -> String {
        var files: [[String]] = []
        for file in 0..<2 {
            var lines: [String] = []
            for index in 0..<120 {
                let words = (0..<(120 + index % 60)).map { "w\(($0 * 7 + index) % 97)" }.joined(separator: " ")
                lines.append(try StageRun.line(id: "f\(file)-\(index)", text: "Document \(index). \(words)."))
            }
            lines.insert("{\"id\":\"bad-\(file)\",\"text\":5}", at: 40)
            lines.insert("not json at all \(file)", at: 80)
            files.append(lines)
        }
        return try StageRun.ingest(
            lines: files, in: directory, output: directory.file("healthy"), shardBytes: 65_536, frameBytes: 4096)
    }

    /// One kind of damage; `stageRefuses` says whether a document stage must refuse it.
    private struct Damage: Sendable {
        var name: String
        var stageRefuses = true
        var apply: @Sendable (_ dataset: String, _ random: inout SplitMix64) throws -> Void
    }

    private static func sql(_ dataset: String, _ statements: String) throws {
        let connection = try SQLiteConnection(path: dataset + "/catalog.sqlite")
        try connection.execute("PRAGMA foreign_keys = OFF; \(statements)")
    }

    private static func scalar(_ dataset: String, _ sql: String) throws -> Int {
        try SQLiteConnection(path: dataset + "/catalog.sqlite", readOnly: true).scalar(sql)?.int ?? 0
    }

    /// A random rowid of `table` matching `condition`.
    private static func randomRow(
        _ dataset: String, _ table: String, _ condition: String = "1", _ random: inout SplitMix64
    ) throws -> Int {
        let count = try scalar(dataset, "SELECT count(*) FROM \(table) WHERE \(condition)")
        let skip = Int(random.next() % UInt64(max(1, count)))
        return try scalar(
            dataset, "SELECT rowid FROM \(table) WHERE \(condition) ORDER BY rowid LIMIT 1 OFFSET \(skip)")
    }

    private static let damages: [Damage] = [
        Damage(name: "page overwritten") { dataset, random in
            let file = dataset + "/catalog.sqlite"
            let pageSize = try scalar(dataset, "PRAGMA page_size")
            let pages = try scalar(dataset, "PRAGMA page_count")
            #expect(try scalar(dataset, "PRAGMA freelist_count") == 0, "every page is in use")
            let page = Int(random.next() % UInt64(pages))
            let bytes = (0..<pageSize).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let handle = try #require(FileHandle(forWritingAtPath: file))
            try handle.seek(toOffset: UInt64(page * pageSize))
            try handle.write(contentsOf: bytes)
            try handle.close()
        },
        Damage(name: "document row deleted") { dataset, random in
            try sql(dataset, "DELETE FROM documents WHERE rowid = \(try randomRow(dataset, "documents", "1", &random))")
        },
        Damage(name: "document row duplicated") { dataset, random in
            let columns = try SQLiteConnection(path: dataset + "/catalog.sqlite").columns(of: "documents")
                .filter { $0 != "rowid" }.map { "\"\($0)\"" }.joined(separator: ", ")
            let row = try randomRow(dataset, "documents", "1", &random)
            try sql(dataset, "INSERT INTO documents(\(columns)) SELECT \(columns) FROM documents WHERE rowid = \(row)")
        },
        Damage(name: "document location moved") { dataset, random in
            let column = ["frame", "offset", "length"][Int(random.next() % 3)]
            let delta = [-1, 1, 7][Int(random.next() % 3)]
            let row = try randomRow(dataset, "documents", "offset > 0", &random)
            try sql(dataset, "UPDATE documents SET \(column) = \(column) + \(delta) WHERE rowid = \(row)")
        },
        Damage(name: "document moved to another shard") { dataset, random in
            let row = try randomRow(dataset, "documents", "1", &random)
            try sql(
                dataset,
                "UPDATE documents SET shard_id = shard_id % 3 + 1 + (\(random.next() % 2) * 100) WHERE rowid = \(row)")
        },
        Damage(name: "shard row deleted") { dataset, random in
            try sql(dataset, "DELETE FROM shards WHERE id = \(try randomRow(dataset, "shards", "1", &random))")
        },
        Damage(name: "shard path changed") { dataset, random in
            let path = [
                "../outside/victim.jsonl.zst", "/etc/passwd", "shards/../catalog.sqlite", "shards/missing.jsonl.zst",
            ][
                Int(random.next() % 4)]
            let row = try randomRow(dataset, "shards", "kind = 'documents'", &random)
            try sql(dataset, "UPDATE shards SET path = '\(path)' WHERE id = \(row)")
        },
        Damage(name: "shard count changed") { dataset, random in
            let column = ["records", "frames", "bytes_raw", "bytes_compressed"][Int(random.next() % 4)]
            let row = try randomRow(dataset, "shards", "kind = 'documents'", &random)
            try sql(
                dataset,
                "UPDATE shards SET \(column) = \(column) + \(random.next() % 2 == 0 ? -1 : 1) WHERE id = \(row)")
        },
        Damage(name: "shard file replaced by a link out of the folder") { dataset, random in
            let row = try randomRow(dataset, "shards", "kind = 'documents'", &random)
            let path =
                try SQLiteConnection(path: dataset + "/catalog.sqlite").scalar(
                    "SELECT path FROM shards WHERE id = \(row)")?.string ?? ""
            let outside = dataset + "-outside.jsonl.zst"
            try? FileManager.default.removeItem(atPath: outside)
            try FileManager.default.moveItem(atPath: dataset + "/" + path, toPath: outside)
            try FileManager.default.createSymbolicLink(atPath: dataset + "/" + path, withDestinationPath: outside)
        },
        Damage(name: "shard file deleted") { dataset, random in
            let row = try randomRow(dataset, "shards", "kind = 'documents'", &random)
            let path =
                try SQLiteConnection(path: dataset + "/catalog.sqlite").scalar(
                    "SELECT path FROM shards WHERE id = \(row)")?.string ?? ""
            try FileManager.default.removeItem(atPath: dataset + "/" + path)
        },
        Damage(name: "reject row deleted") { dataset, random in
            try sql(
                dataset,
                "DELETE FROM drops WHERE rowid = \(try randomRow(dataset, "drops", "reject_shard_id IS NOT NULL", &random))"
            )
        },
        Damage(name: "reject location moved", stageRefuses: false) { dataset, random in
            let row = try randomRow(dataset, "drops", "reject_shard_id IS NOT NULL", &random)
            try sql(dataset, "UPDATE drops SET reject_offset = reject_offset + 1 WHERE rowid = \(row)")
        },
        Damage(name: "shard checksum changed", stageRefuses: false) { dataset, random in
            let row = try randomRow(dataset, "shards", "1", &random)
            try sql(dataset, "UPDATE shards SET checksum = '0123456789abcdef' WHERE id = \(row)")
        },
    ]

    /// Whether `verify` reports a problem (or cannot read the catalog at all).
    private static func verifyReports(_ dataset: String) -> Bool {
        guard let opened = try? Dataset.open(at: dataset), let report = try? DatasetVerifier.verify(opened) else {
            return true
        }
        return !report.isClean
    }

    @Test func everyRandomDamageIsReportedAndRefused() throws {
        let directory = try TemporaryDirectory()
        let healthy = try Self.healthyDataset(in: directory)
        #expect(try Self.scalar(healthy, "SELECT count(*) FROM shards WHERE kind = 'documents'") >= 3)
        #expect(try Self.scalar(healthy, "SELECT count(*) FROM shards WHERE kind = 'rejects'") >= 1)
        #expect(!Self.verifyReports(healthy), "the healthy dataset verifies clean")
        #expect(throws: Never.self) {
            try StageRun.stage("normalize", input: healthy, output: directory.file("healthy-out"))
        }
        var random = SplitMix64(seed: 12)
        for trial in 0..<(Self.damages.count * 4) {
            let damage = Self.damages[trial % Self.damages.count]
            let dataset = directory.file("trial-\(trial)")
            try FileManager.default.copyItem(atPath: healthy, toPath: dataset)
            try damage.apply(dataset, &random)
            #expect(Self.verifyReports(dataset), "verify reports '\(damage.name)' (trial \(trial))")
            if damage.stageRefuses {
                #expect(throws: PretextError.self, "a stage refuses '\(damage.name)' (trial \(trial))") {
                    try StageRun.stage("normalize", input: dataset, output: directory.file("out-\(trial)"))
                }
            }
        }
    }

    @Test func theReaderOfRejectsRefusesAMovedRejectLocation() throws {
        let directory = try TemporaryDirectory()
        let dataset = try Self.healthyDataset(in: directory)
        try Self.sql(dataset, "UPDATE drops SET reject_offset = reject_offset + 1 WHERE reject_shard_id IS NOT NULL")
        let catalog = try Dataset.open(at: dataset).openCatalog(readOnly: true)
        let fetcher = RecordFetcher(dataset: try Dataset.open(at: dataset))
        let error = try #require(throws: PretextError.self) {
            try catalog.forEachRecord(of: .rejects) { _ = try fetcher.record(shard: $0.shard, at: $0.location) }
        }
        #expect(error.code == .corrupt && error.message.contains("not a whole record"))
    }
}
