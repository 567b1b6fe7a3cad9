import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// `pretext query`'s SQL cannot write anything anywhere (issue 12, case 5).
@Suite struct ReadOnlyQueryTests {
    private func catalog(_ directory: TemporaryDirectory) throws -> Catalog {
        let path = directory.file("catalog.sqlite")
        _ = try Catalog(path: path)
        return try Catalog(path: path, readOnly: true)
    }

    private func rows(_ catalog: Catalog, _ sql: String) throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        try catalog.forEachRow(sql, header: { _ in }, row: { rows.append($0) })
        return rows
    }

    @Test(arguments: [
        ("VACUUM INTO 'COPY'", "this statement would write"),
        ("SELECT 1; DELETE FROM documents", "one SQL statement"),
        ("DELETE FROM documents", "this statement would write"),
        ("ATTACH 'COPY' AS other", "query refuses ATTACH"),
        ("PRAGMA journal_mode = DELETE", "query refuses ATTACH"),
        ("PRAGMA user_version = 7", "query refuses ATTACH"),
    ])
    func sqlThatWritesOrReachesOutIsRefused(_ sql: String, _ message: String) throws {
        let directory = try TemporaryDirectory()
        let copy = directory.file("copy.db")
        let catalog = try catalog(directory)
        let error = try #require(throws: PretextError.self) {
            try rows(catalog, sql.replacingOccurrences(of: "COPY", with: copy))
        }
        #expect(error.code == .invalidConfiguration && error.message.contains(message), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: copy), "no file written")
        #expect(try catalog.schemaVersion() == Catalog.latestSchemaVersion)
    }

    @Test func readingQueriesRun() throws {
        let directory = try TemporaryDirectory()
        let catalog = try catalog(directory)
        #expect(try rows(catalog, "SELECT count(*) FROM documents; -- a comment after it") == [[.integer(0)]])
        #expect(try rows(catalog, "PRAGMA table_info(shards)").count > 3)
        #expect(throws: PretextError.self) { try rows(catalog, "SELECT load_extension('x')") }
    }
}
