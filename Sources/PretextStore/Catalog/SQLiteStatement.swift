import CSQLite
import PretextCore

/// A prepared SQLite statement, finalized in `deinit`.
///
/// Bind with `bind(_:at:)` (1-based) or `bind(_:)`, step with `step()`, read columns
/// (0-based) while a row is current, `reset()` to reuse. Not thread safe; belongs to one
/// `SQLiteConnection`.
package final class SQLiteStatement {
    let handle: OpaquePointer
    /// The SQL text, for error messages.
    package let sql: String
    private unowned let connection: SQLiteConnection

    init(connection: SQLiteConnection, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw connection.error(code, "cannot prepare statement")
        }
        self.handle = statement
        self.sql = sql
        self.connection = connection
    }

    /// Wraps an already prepared `handle`, which it finalizes.
    init(connection: SQLiteConnection, handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of result columns.
    package var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The result column names.
    package var columnNames: [String] {
        (0..<columnCount).map { String(cString: sqlite3_column_name(handle, Int32($0))) }
    }

    /// Binds an integer (or NULL) to parameter `index` (1-based).
    package func bind(_ value: Int64?, at index: Int) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_int64(handle, Int32(index), value))
    }

    /// Binds an `Int` (or NULL).
    package func bind(_ value: Int?, at index: Int) throws {
        try bind(value.map { Int64($0) }, at: index)
    }

    /// Binds a double (or NULL).
    package func bind(_ value: Double?, at index: Int) throws {
        guard let value else { return try bindNull(at: index) }
        try check(sqlite3_bind_double(handle, Int32(index), value))
    }

    /// Binds text (or NULL); SQLite copies the bytes.
    package func bind(_ value: String?, at index: Int) throws {
        guard var value else { return try bindNull(at: index) }
        let code = value.withUTF8 { utf8 -> Int32 in
            guard let base = utf8.baseAddress, utf8.count > 0 else {
                // Empty text: a valid pointer to "" keeps it TEXT rather than NULL.
                return pretext_sqlite3_bind_text_transient(handle, Int32(index), "", 0)
            }
            // Safe: UInt8 and CChar have the same size; SQLite copies the bytes before returning.
            return base.withMemoryRebound(to: CChar.self, capacity: utf8.count) {
                pretext_sqlite3_bind_text_transient(handle, Int32(index), $0, Int32(utf8.count))
            }
        }
        try check(code)
    }

    /// Binds a blob (or NULL); SQLite copies the bytes.
    package func bind(_ value: [UInt8]?, at index: Int) throws {
        guard let value else { return try bindNull(at: index) }
        let code = value.withUnsafeBytes {
            // A zero-length blob still needs a non-NULL pointer to be a blob, not NULL.
            pretext_sqlite3_bind_blob_transient(
                handle, Int32(index), $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32($0.count))
        }
        try check(code)
    }

    /// Binds NULL.
    package func bindNull(at index: Int) throws {
        try check(sqlite3_bind_null(handle, Int32(index)))
    }

    /// Binds any value.
    package func bind(_ value: SQLValue, at index: Int) throws {
        switch value {
        case .null: try bindNull(at: index)
        case .integer(let v): try bind(v, at: index)
        case .real(let v): try bind(v, at: index)
        case .text(let v): try bind(v, at: index)
        case .blob(let v): try bind(v, at: index)
        }
    }

    /// Binds values to parameters 1, 2, … in order.
    package func bind(_ values: [SQLValue]) throws {
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Copies column `column` of `source`'s current row into parameter `index`, keeping its
    /// type (used to copy rows between catalogs without boxing).
    func bindColumn(of source: SQLiteStatement, _ column: Int, at index: Int) throws {
        // Safe: sqlite3_column_value is valid while `source` stays on this row, and
        // sqlite3_bind_value copies it.
        try check(sqlite3_bind_value(handle, Int32(index), sqlite3_column_value(source.handle, Int32(column))))
    }

    /// Advances to the next row.
    /// - Returns: `true` when a row is available, `false` when done.
    @discardableResult
    package func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw connection.error(code, "statement failed", sql: sql)
    }

    /// Resets the statement and clears its bindings for reuse.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Column `index` of the current row as an integer (0 for NULL).
    package func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    /// Column `index` as an `Int` (0 for NULL).
    package func int(_ index: Int) -> Int { Int(int64(index)) }

    /// Column `index` as a double.
    package func double(_ index: Int) -> Double { sqlite3_column_double(handle, Int32(index)) }

    /// Column `index` as text, or `nil` for NULL.
    package func string(_ index: Int) -> String? {
        guard let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, Int32(index)))
        return String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self)
    }

    /// Whether column `index` is NULL.
    package func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    /// Column `index` as a typed value.
    package func value(_ index: Int) -> SQLValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT: return .text(string(index) ?? "")
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let bytes = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob([UInt8](UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// Runs the statement to completion with `arguments`, then resets it.
    package func run(_ arguments: [SQLValue] = []) throws {
        defer { reset() }
        try bind(arguments)
        while try step() {}
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else { throw connection.error(code, "cannot bind parameter", sql: sql) }
    }
}
