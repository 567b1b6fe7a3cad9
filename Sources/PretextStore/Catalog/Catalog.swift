import PretextCore

/// A Pretext catalog (`catalog.sqlite`, or a rank's part catalog): the SQL index of a
/// dataset's shards, documents, drops and runs. See `docs/formats.md`, section "Catalog".
///
/// Opening applies any pending migrations (`PRAGMA user_version` plus the
/// `schema_migrations` table). Later stages add their signal columns to `documents` with
/// `ensureColumn(table:name:type:)`. Not thread safe: one `Catalog` per thread.
public final class Catalog {
    /// The SQLite connection; SQL stays inside the store (the public API is methods).
    package let connection: SQLiteConnection
    /// The document insert for the last list of signal columns (rows of one stage share it).
    var lastDocumentInsert: (signals: [String], statement: SQLiteStatement)?

    /// The schema version this build creates and understands.
    public static var latestSchemaVersion: Int { CatalogSchema.latestVersion }

    /// The SQLite expression for "now" as ISO 8601 UTC with milliseconds.
    static let nowSQL = "strftime('%Y-%m-%dT%H:%M:%fZ','now')"

    /// Opens (creating if needed) the catalog at `path` and migrates it.
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - readOnly: open without writing (no migration; the file must exist).
    /// - Throws: `.catalog` when SQLite fails or the catalog is newer than this build.
    public init(path: String, readOnly: Bool = false) throws {
        connection = try Self.readable(path) { try SQLiteConnection(path: path, readOnly: readOnly) }
        if !readOnly { try migrate() }
        let version = try Self.readable(path) { try schemaVersion() }
        guard version <= CatalogSchema.latestVersion else {
            throw PretextError(
                .catalog,
                "catalog schema version \(version) is newer than this Pretext (\(CatalogSchema.latestVersion)); upgrade Pretext",
                path: path)
        }
    }

    /// The catalog's file.
    public var path: String { connection.path }

    /// Runs `body`, reporting SQLite's "not a database" and "malformed" errors as a damaged
    /// catalog (`.corrupt`, naming the file).
    static func readable<R>(_ path: String, _ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as PretextError where error.code == .catalog {
            guard
                let damage = ["database disk image is malformed", "file is not a database"]
                    .first(where: error.message.contains)
            else { throw error }
            throw PretextError(
                .corrupt, "the catalog is damaged or not a SQLite database (\(damage)); run `pretext verify`",
                path: path)
        }
    }

    /// The applied schema version (`PRAGMA user_version`).
    public func schemaVersion() throws -> Int {
        try connection.scalar("PRAGMA user_version")?.int ?? 0
    }

    /// Applies every migration newer than the stored version, each in its own transaction.
    private func migrate() throws {
        // Up to date: take no write lock (many ranks open catalogs at once).
        if try schemaVersion() >= CatalogSchema.latestVersion { return }
        for migration in CatalogSchema.migrations {
            try connection.transaction {
                // Re-read inside the write lock: another process may have migrated meanwhile.
                guard try schemaVersion() < migration.version else { return }
                try connection.execute(
                    "CREATE TABLE IF NOT EXISTS schema_migrations(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                try connection.execute(migration.sql)
                try connection.run(
                    "INSERT INTO schema_migrations(version, applied_at) VALUES (?, \(Self.nowSQL))",
                    [.integer(Int64(migration.version))])
                try connection.execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    /// Runs `body` in one transaction.
    public func transaction<R>(_ body: () throws -> R) throws -> R {
        try connection.transaction(body)
    }

    /// Runs a query and returns its column names and rows (for `pretext query`).
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLRows {
        try connection.query(sql, arguments)
    }

    /// Adds column `name` of SQL `type` to `table` unless it exists.
    /// - Parameters:
    ///   - table: `documents`, `drops`, `shards` or `runs`.
    ///   - name: a plain identifier (letters, digits, `_`; not starting with a digit).
    ///   - type: `INTEGER`, `REAL`, `TEXT`, `BLOB` or `NUMERIC`.
    /// - Returns: `true` when the column was added.
    /// - Throws: `.invalidConfiguration` for a bad name or type, listing the valid ones.
    @discardableResult
    public func ensureColumn(table: String, name: String, type: String) throws -> Bool {
        let tables = ["documents", "drops", "shards", "runs"]
        guard tables.contains(table) else {
            throw PretextError(
                .invalidConfiguration,
                "cannot add columns to table '\(table)'; valid: \(tables.joined(separator: ", "))")
        }
        guard Self.isIdentifier(name) else {
            throw PretextError(
                .invalidConfiguration, "'\(name)' is not a valid column name (use letters, digits and _)")
        }
        let types = ["INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC"]
        guard types.contains(type.uppercased()) else {
            throw PretextError(
                .invalidConfiguration, "column type '\(type)' is not one of \(types.joined(separator: ", "))")
        }
        if try connection.columns(of: table).contains(where: { $0.lowercased() == name.lowercased() }) { return false }
        try connection.execute("ALTER TABLE \(table) ADD COLUMN \(name) \(type.uppercased())")
        return true
    }

    /// Whether `name` is a safe SQL identifier.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
