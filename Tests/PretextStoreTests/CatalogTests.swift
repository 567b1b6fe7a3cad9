import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

@Suite struct CatalogTests {
    @Test func freshCatalogIsMigratedAndReopenIsANoOp() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("catalog.sqlite")
        do {
            let catalog = try Catalog(path: path)
            #expect(try catalog.schemaVersion() == Catalog.latestSchemaVersion)
            let tables = try catalog.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            let names = tables.rows.compactMap { $0[0].string }
            for table in ["documents", "drops", "runs", "schema_migrations", "shards"] {
                #expect(names.contains(table))
            }
            #expect(try catalog.query("PRAGMA journal_mode").rows[0][0] == .text("wal"))
            #expect(try catalog.query("PRAGMA foreign_keys").rows[0][0] == .integer(1))
        }
        let reopened = try Catalog(path: path)
        #expect(try reopened.schemaVersion() == Catalog.latestSchemaVersion)
        let migrations = try reopened.query("SELECT version FROM schema_migrations")
        #expect(migrations.rows == (1...Catalog.latestSchemaVersion).map { [.integer(Int64($0))] })
        let indexes = try reopened.query(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents'")
        #expect(Set(indexes.rows.compactMap { $0[0].string }) == ["documents_id", "documents_location"])
    }

    @Test func aVersionOneCatalogGetsTheLocationIndex() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("catalog.sqlite")
        do {
            let connection = try SQLiteConnection(path: path)
            try connection.execute(CatalogSchema.version1)
            try connection.execute("PRAGMA user_version = 1")
        }
        let catalog = try Catalog(path: path)
        #expect(try catalog.schemaVersion() == 2)
        let plan = try catalog.query(
            "EXPLAIN QUERY PLAN SELECT * FROM documents WHERE shard_id = 1 AND frame >= 0 ORDER BY frame, offset")
        let steps = plan.rows.compactMap { $0.last?.string }.joined(separator: "; ")
        #expect(steps.contains("documents_location") && !steps.contains("TEMP B-TREE"), "\(steps)")
    }

    @Test func newerCatalogIsRefused() throws {
        let dir = try TemporaryDirectory()
        let path = dir.file("catalog.sqlite")
        try Catalog(path: path).connection.execute("PRAGMA user_version = 999")
        let error = try #require(throws: PretextError.self) { _ = try Catalog(path: path) }
        #expect(error.code == .catalog)
    }

    @Test func ensureColumnAddsSignalColumnsOnce() throws {
        let dir = try TemporaryDirectory()
        let catalog = try Catalog(path: dir.file("c.sqlite"))
        #expect(try catalog.ensureColumn(table: "documents", name: "gopher_score", type: "REAL"))
        #expect(try !catalog.ensureColumn(table: "documents", name: "gopher_score", type: "REAL"))
        #expect(try catalog.connection.columns(of: "documents").contains("gopher_score"))
        #expect(throws: PretextError.self) {
            try catalog.ensureColumn(table: "documents", name: "x; DROP", type: "REAL")
        }
        #expect(throws: PretextError.self) { try catalog.ensureColumn(table: "documents", name: "ok", type: "JSON") }
        #expect(throws: PretextError.self) {
            try catalog.ensureColumn(table: "sqlite_master", name: "ok", type: "TEXT")
        }
    }

    @Test func typedRowsRoundTripAndQueryReturnsColumns() throws {
        let dir = try TemporaryDirectory()
        let catalog = try Catalog(path: dir.file("c.sqlite"))
        try catalog.ensureColumn(table: "documents", name: "toxicity", type: "REAL")
        let shard = ShardRow(
            path: "shards/a.jsonl.zst", kind: .documents, step: 1, stage: "ingest", rank: 0, records: 1, frames: 1,
            bytesRaw: 10, bytesCompressed: 30, checksum: "00000000000000ff", frameSize: 4096, compressionLevel: 3)
        let id = try catalog.insertShard(shard)
        var row = DocumentRow(
            id: "doc-1", source: "a.jsonl", inputLine: 3, bytes: 9, chars: 8, lang: "en", langScore: 0.9)
        row.sentenceBounds = [0, 1, 2]
        row.signals = [Signal("toxicity", .real(0.25))]
        try catalog.insertDocument(row, shardID: id, location: RecordLocation(frame: 0, offset: 0, length: 10))
        let result = try catalog.query(
            "SELECT id, shard_id, lang, lang_score, sentence_bounds, toxicity FROM documents WHERE lang = ?", ["en"])
        #expect(result.columns == ["id", "shard_id", "lang", "lang_score", "sentence_bounds", "toxicity"])
        #expect(
            result.rows == [[.text("doc-1"), .integer(id), .text("en"), .real(0.9), .blob([0, 1, 2]), .real(0.25)]])
        var stored = shard
        stored.id = id
        #expect(try catalog.shards() == [stored])
    }

    @Test func transactionRollsBackOnError() throws {
        let dir = try TemporaryDirectory()
        let catalog = try Catalog(path: dir.file("c.sqlite"))
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try catalog.transaction {
                try catalog.insertDrop(DropRow(stage: "s", reason: "r"))
                throw Boom()
            }
        }
        #expect(try catalog.query("SELECT count(*) FROM drops").rows[0][0] == .integer(0))
        // Foreign keys are enforced.
        #expect(throws: PretextError.self) {
            try catalog.insertDocument(
                DocumentRow(id: "x"), shardID: 42, location: .init(frame: 0, offset: 0, length: 1))
        }
    }

    @Test func datasetOpenOfAFolderWithoutCatalogIsDamaged() throws {
        let dir = try TemporaryDirectory()
        let error = try #require(throws: PretextError.self) { _ = try Dataset.open(at: dir.path) }
        #expect(error.code == .corrupt)
        #expect(error.path == dir.file("catalog.sqlite"))
        let missing = try #require(throws: PretextError.self) { _ = try Dataset.open(at: dir.file("nope")) }
        #expect(missing.code == .notFound)
        let created = try Dataset.create(at: dir.file("ds"))
        for name in ["shards", "rejects", "reports", "parts"] {
            #expect(ExistingPath.isDirectory(created.path(name)))
        }
        #expect(try Dataset.open(at: dir.file("ds")) == created)
    }
}
