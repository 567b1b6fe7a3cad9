import CSQLite
import PretextCore

extension SQLiteConnection {
    /// `sql` prepared as one read-only statement for a user's query (`pretext query`): the
    /// connection is put in `query_only` mode with an authorizer that refuses `ATTACH`,
    /// `DETACH`, pragmas other than the schema-reading ones and `load_extension`; the statement
    /// must not write (`VACUUM INTO` included), and nothing but whitespace or comments may follow
    /// it.
    ///
    /// - Throws: `.invalidConfiguration` for a second statement, one that would write, or one the
    ///   authorizer refuses; `.catalog` for SQL that SQLite cannot prepare.
    package func prepareReadOnlyQuery(_ sql: String) throws -> SQLiteStatement {
        // The authorizer of an earlier query would refuse the pragma: set both afresh.
        sqlite3_set_authorizer(handle, nil, nil)
        try execute("PRAGMA query_only = ON")
        sqlite3_set_authorizer(handle, readOnlyQueryAuthorizer, nil)
        var tail: UnsafePointer<CChar>?
        var handleOut: OpaquePointer?
        let code = sql.withCString { text in
            let code = sqlite3_prepare_v2(handle, text, -1, &handleOut, &tail)
            // Anything after the first statement must compile to no statement at all.
            if code == SQLITE_OK, let rest = tail, rest.pointee != 0 {
                var next: OpaquePointer?
                let restCode = sqlite3_prepare_v2(handle, rest, -1, &next, nil)
                let hasMore = next != nil || restCode != SQLITE_OK
                sqlite3_finalize(next)
                tail = hasMore ? rest : nil
            } else {
                tail = nil
            }
            return code
        }
        guard code == SQLITE_OK, let prepared = handleOut else {
            sqlite3_finalize(handleOut)
            if code == SQLITE_AUTH {
                throw PretextError(
                    .invalidConfiguration,
                    "query refuses ATTACH, DETACH, pragmas that set something and load_extension", path: path)
            }
            throw error(code, "cannot prepare statement")
        }
        let statement = SQLiteStatement(connection: self, handle: prepared, sql: sql)
        guard tail == nil else {
            throw PretextError(
                .invalidConfiguration, "query takes one SQL statement; found more after the first", path: path)
        }
        guard sqlite3_stmt_readonly(prepared) != 0 else {
            throw PretextError(
                .invalidConfiguration, "query runs read-only SQL; this statement would write", path: path)
        }
        return statement
    }
}

/// The pragmas a read-only query may run: those that read the schema.
private let readablePragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    "user_version", "schema_version", "page_count", "page_size", "integrity_check", "quick_check",
]

/// The authorizer of read-only queries (a C function: it captures nothing).
private let readOnlyQueryAuthorizer:
    @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?
    ) -> Int32 = { _, action, first, second, _, _ in
        switch action {
        case SQLITE_ATTACH, SQLITE_DETACH:
            return SQLITE_DENY
        case SQLITE_PRAGMA:
            // A pragma with a value sets something; reading pragmas take a table name at most.
            guard let first, readablePragmas.contains(String(cString: first).lowercased()) else { return SQLITE_DENY }
            let name = String(cString: first).lowercased()
            if second != nil, name == "user_version" || name == "schema_version" || name == "page_size" {
                return SQLITE_DENY
            }
            return SQLITE_OK
        case SQLITE_FUNCTION:
            guard let second else { return SQLITE_OK }
            return String(cString: second).lowercased() == "load_extension" ? SQLITE_DENY : SQLITE_OK
        default:
            return SQLITE_OK
        }
    }
