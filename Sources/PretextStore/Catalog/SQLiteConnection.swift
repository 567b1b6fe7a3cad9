import CSQLite
import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A SQLite connection, closed in `deinit`, with a cache of prepared statements.
///
/// Opens with `journal_mode=WAL`, `synchronous=NORMAL`, `foreign_keys=ON` and a busy timeout,
/// the settings every Pretext catalog uses. Not thread safe: one connection per thread.
/// Error messages carry SQLite's message and the SQL, never bound values (GRDB's rule: those
/// can hold corpus text).
package final class SQLiteConnection {
    let handle: OpaquePointer
    /// The database file.
    package let path: String
    private var statementCache: [String: SQLiteStatement] = [:]
    private var transactionDepth = 0

    /// Opens (creating if needed, unless `readOnly`) the database at `path`. A read-only
    /// connection is opened with `SQLITE_OPEN_READONLY` and in `query_only` mode.
    /// - Throws: `.catalog` when SQLite cannot open it.
    package init(path: String, readOnly: Bool = false) throws {
        var db: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let name = readOnly ? Self.readOnlyURI(path) : path
        let code = sqlite3_open_v2(name, &db, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let db { sqlite3_close_v2(db) }
            throw PretextError(.catalog, "cannot open SQLite database: \(message)", path: path)
        }
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, Self.busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(db, 1)
        if readOnly {
            try execute("PRAGMA query_only = ON")
        } else {
            try enableWriteAheadLog()
        }
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
    }

    /// How long a connection waits for another one's lock.
    static let busyTimeoutMilliseconds: Int32 = 60_000

    /// Switches the database to WAL (a no-op once it is). Connections that open a new
    /// database at the same moment (the tasks of a job array creating their step's catalog)
    /// each need its exclusive lock for the switch, and SQLite then answers `SQLITE_BUSY` at
    /// once, without calling the busy handler: try again, backing off, until the busy timeout.
    private func enableWriteAheadLog() throws {
        var waited: useconds_t = 0
        var delay: useconds_t = 1_000
        while true {
            let code = sqlite3_exec(handle, "PRAGMA journal_mode=WAL", nil, nil, nil)
            if code == SQLITE_OK { return }
            guard code & 0xFF == SQLITE_BUSY, waited < useconds_t(Self.busyTimeoutMilliseconds) * 1_000 else { break }
            usleep(delay)
            waited += delay
            delay = min(delay * 2, 100_000)
        }
        // Once more through `execute`, for its error message.
        try execute("PRAGMA journal_mode=WAL")
    }

    /// The URI a read-only connection opens: `immutable=1` when no writer has left a `-wal`
    /// file (a finished catalog), so that reading creates nothing, not even SQLite's `-shm` and
    /// `-wal` files; plain read-only while a `-wal` file exists (a writer is live, or crashed
    /// with pages only there), where SQLite needs them to read the latest commits.
    static func readOnlyURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0x80...:
                uri += "%" + String(byte, radix: 16, uppercase: true)
            default:
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        let walExists = access(path + "-wal", F_OK) == 0
        return uri + (walExists ? "?mode=ro" : "?mode=ro&immutable=1")
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements without arguments.
    package func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw PretextError(.catalog, "SQLite error \(code): \(text) (in: \(sql.prefix(200)))", path: path)
        }
    }

    /// A new prepared statement (not cached).
    package func prepare(_ sql: String) throws -> SQLiteStatement {
        try SQLiteStatement(connection: self, sql: sql)
    }

    /// A cached prepared statement for `sql`, reset and ready to bind.
    package func cached(_ sql: String) throws -> SQLiteStatement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs `sql` with `arguments` (a cached statement), ignoring any rows.
    package func run(_ sql: String, _ arguments: [SQLValue] = []) throws {
        try cached(sql).run(arguments)
    }

    /// Runs a query and collects its rows.
    /// - Returns: the column names and the rows.
    package func query(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLRows {
        let statement = try prepare(sql)
        try statement.bind(arguments)
        let columns = statement.columnNames
        var rows: [[SQLValue]] = []
        while try statement.step() {
            rows.append((0..<columns.count).map { statement.value($0) })
        }
        return SQLRows(columns: columns, rows: rows)
    }

    /// The first column of the first row, or `nil` when there is no row.
    package func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLValue? {
        let statement = try cached(sql)
        defer { statement.reset() }
        try statement.bind(arguments)
        return try statement.step() ? statement.value(0) : nil
    }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE`), committing when it returns and
    /// rolling back when it throws. Nested calls use savepoints.
    package func transaction<R>(_ body: () throws -> R) throws -> R {
        let savepoint = transactionDepth > 0 ? "pretext_sp\(transactionDepth)" : nil
        try execute(savepoint.map { "SAVEPOINT \($0)" } ?? "BEGIN IMMEDIATE")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try execute(savepoint.map { "RELEASE \($0)" } ?? "COMMIT")
            return result
        } catch {
            if let savepoint {
                try? execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            } else {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// The rows changed by the last `INSERT`, `UPDATE` or `DELETE`.
    package var changes: Int64 { sqlite3_changes64(handle) }

    /// The rowid of the last inserted row.
    package var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// `name` as a quoted SQL identifier (`"name"`, inner quotes doubled).
    static func quotedIdentifier(_ name: String) -> String {
        "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// The column names of `table` (in schema `schema`, default `main`).
    package func columns(of table: String, schema: String = "main") throws -> [String] {
        let rows = try query("PRAGMA \(schema).table_info(\(table))")
        return rows.rows.compactMap { $0[1].string }
    }

    /// Builds an error from a SQLite result code and the connection's message.
    func error(_ code: Int32, _ what: String, sql: String? = nil) -> PretextError {
        let message = String(cString: sqlite3_errmsg(handle))
        var text = "\(what): SQLite error \(code): \(message)"
        if let sql { text += " (in: \(sql.prefix(200)))" }
        return PretextError(.catalog, text, path: path)
    }
}
