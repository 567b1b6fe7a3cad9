import PretextCore

extension Catalog {
    /// The tables every Pretext catalog has (schema version 1 on).
    static let requiredTables = ["shards", "documents", "drops", "runs", "dataset_meta"]

    /// Checks that the file is a Pretext catalog: SQLite, a schema version, the tables.
    /// - Throws: `.corrupt` naming the file when it is empty, not SQLite or not a Pretext catalog.
    public func checkIsPretextCatalog() throws {
        try Self.readable(path) {
            guard try schemaVersion() > 0 else {
                throw PretextError(
                    .corrupt,
                    "the catalog is empty or not a Pretext catalog (no schema version); the dataset is damaged",
                    path: path)
            }
            let tables = try connection.query("SELECT name FROM sqlite_master WHERE type = 'table'").rows
                .compactMap { $0.first?.string }
            if let missing = Self.requiredTables.first(where: { !tables.contains($0) }) {
                throw PretextError(
                    .corrupt, "not a Pretext catalog: table '\(missing)' is missing; the dataset is damaged", path: path
                )
            }
        }
    }

    /// A disagreement between the catalog's rows and its shard rows.
    public struct RowMismatch: Sendable, Equatable, CustomStringConvertible {
        /// The shard involved (its relative path), or `nil` for rows pointing at no shard.
        public var shard: String?
        /// What is wrong; never corpus text.
        public var message: String

        public var description: String { (shard.map { $0 + ": " } ?? "") + message }
    }

    /// The places where rows and shards disagree: document rows pointing at no document or
    /// examples shard, drops pointing at no rejects shard, and shards whose `records` differ from
    /// the number of rows locating a record in them (an `examples` shard may also have no rows
    /// at all: records written without one). One pass over each table's shard index.
    public func rowMismatches() throws -> [RowMismatch] {
        try Self.readable(path) {
            var mismatches: [RowMismatch] = []
            let shards = try self.shards()
            let recordKinds: Set<ShardKind> = [.documents, .examples]
            let documentRows = try rowCounts("SELECT shard_id, count(*) FROM documents GROUP BY shard_id")
            let dropRows = try rowCounts(
                "SELECT reject_shard_id, count(*) FROM drops WHERE reject_shard_id IS NOT NULL GROUP BY reject_shard_id"
            )
            mismatches += orphans(documentRows, shards: shards, kinds: recordKinds, what: "document")
            mismatches += orphans(dropRows, shards: shards, kinds: [.rejects], what: "drop")
            for shard in shards {
                let rows = recordKinds.contains(shard.kind) ? documentRows : dropRows
                let count = rows[shard.id ?? -1] ?? 0
                // An examples shard's records all have rows (kept records) or none do.
                if count != shard.records, !(shard.kind == .examples && count == 0) {
                    mismatches.append(
                        RowMismatch(
                            shard: shard.path,
                            message:
                                "the shard holds \(shard.records) records but \(count) catalog rows locate records in it"
                        ))
                }
            }
            return mismatches
        }
    }

    /// Throws when `rowMismatches()` finds anything: readers refuse such a dataset rather than
    /// skip or repeat records.
    /// - Throws: `.corrupt` naming the catalog, the first mismatch and `pretext verify`.
    public func checkRowsMatchShards() throws {
        let mismatches = try rowMismatches()
        guard let first = mismatches.first else { return }
        let more = mismatches.count > 1 ? " (and \(mismatches.count - 1) more)" : ""
        throw PretextError(
            .corrupt, "the catalog does not match its shards: \(first)\(more); run `pretext verify`", path: path)
    }

    /// SQLite's quick check of the file (`PRAGMA quick_check`: every page and b-tree well
    /// formed, without matching indexes to tables); a reader of the whole dataset runs it first.
    /// - Throws: `.corrupt` naming the catalog and SQLite's first finding.
    public func checkPages() throws {
        try Self.readable(path) {
            let findings = try connection.query("PRAGMA quick_check(3)").rows.compactMap { $0.first?.string }
            guard findings != ["ok"] else { return }
            let text = findings.joined(separator: "\n").split(separator: "\n").filter { !$0.hasPrefix("***") }
            throw PretextError(
                .corrupt, "the catalog is damaged (\(text.joined(separator: "; "))); run `pretext verify`", path: path)
        }
    }

    /// SQLite's own checks of the file: `PRAGMA integrity_check` then `PRAGMA foreign_key_check`;
    /// empty when both pass.
    public func integrityProblems() throws -> [String] {
        try Self.readable(path) {
            // integrity_check stops with an error on some damage quick_check describes.
            let findings =
                try (try? connection.query("PRAGMA integrity_check(100)"))
                ?? connection.query("PRAGMA quick_check(100)")
            var problems = findings.rows.compactMap { $0.first?.string }
                .flatMap { $0.split(separator: "\n").map(String.init) }.filter { !$0.hasPrefix("***") }
            if problems == ["ok"] { problems = [] }
            var broken: [String: (count: Int, first: String)] = [:]
            for row in try connection.query("PRAGMA foreign_key_check").rows {
                let key = "\(row[0].string ?? "?") → \(row[2].string ?? "?")"
                broken[key, default: (0, row[1].description)].count += 1
            }
            for (key, value) in broken.sorted(by: { $0.key < $1.key }) {
                problems.append(
                    "\(value.count) row(s) of \(key) refer to a missing row (first: rowid \(value.first))")
            }
            return problems
        }
    }

    private func rowCounts(_ sql: String) throws -> [Int64: Int] {
        let statement = try connection.prepare(sql)
        var counts: [Int64: Int] = [:]
        while try statement.step() { counts[statement.int64(0)] = statement.int(1) }
        return counts
    }

    private func orphans(
        _ counts: [Int64: Int], shards: [ShardRow], kinds: Set<ShardKind>, what: String
    ) -> [RowMismatch] {
        let known = Dictionary(shards.compactMap { row in row.id.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        return counts.keys.sorted().compactMap { id in
            let count = counts[id] ?? 0
            guard let shard = known[id] else {
                return RowMismatch(
                    shard: nil, message: "\(count) \(what) row(s) point at shard id \(id), which the catalog lacks")
            }
            guard kinds.contains(shard.kind) else {
                return RowMismatch(
                    shard: shard.path, message: "\(count) \(what) row(s) point at this \(shard.kind) shard")
            }
            return nil
        }
    }
}
