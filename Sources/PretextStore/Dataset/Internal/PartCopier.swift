import PretextCore

/// Copies one part catalog's rows into the main catalog, in one transaction of its own.
///
/// The part is attached to the main connection (`ATTACH … AS part`, detached afterwards) and
/// each table is copied by one `INSERT … SELECT`, inside SQLite: no row passes through Swift.
/// SQLite refuses `ATTACH` inside a transaction, so every part is committed on its own; the
/// part's `runs` rows are copied in the same transaction, so a rank is merged entirely or not
/// at all (`StepStatus` tells them apart after a crash).
struct PartCopier {
    let main: SQLiteConnection
    let partPath: String

    /// The schema name the part is attached under.
    private static let schema = "part"

    struct Counts {
        var shards = 0
        var documents = 0
        var drops = 0
    }

    /// Copies shards (ids shifted past the main catalog's), documents and drops (shard
    /// references shifted), runs and `dataset_meta`.
    func copyAll() throws -> Counts {
        _ = try main.query("ATTACH DATABASE ? AS \(Self.schema)", [.text(partPath)])
        defer { try? main.execute("DETACH DATABASE \(Self.schema)") }
        return try main.transaction {
            let shift = try main.scalar("SELECT coalesce(max(id), 0) FROM main.shards")?.int64 ?? 0
            var counts = Counts()
            counts.shards = try copy(table: "shards", skip: [], shifting: ["id": shift], mode: "INSERT")
            counts.documents = try copy(
                table: "documents", skip: ["rowid"], shifting: ["shard_id": shift], mode: "INSERT")
            counts.drops = try copy(
                table: "drops", skip: ["rowid"], shifting: ["reject_shard_id": shift], mode: "INSERT")
            _ = try copy(table: "runs", skip: ["rowid"], shifting: [:], mode: "INSERT OR REPLACE")
            _ = try copy(table: "dataset_meta", skip: [], shifting: [:], mode: "INSERT OR REPLACE")
            return counts
        }
    }

    /// Copies every row of `table`, by column name and in the part's row order, adding columns
    /// the main table lacks.
    /// - Returns: the number of rows copied.
    private func copy(table: String, skip: Set<String>, shifting: [String: Int64], mode: String) throws -> Int {
        let columns = try columnsToCopy(table: table, skip: skip)
        guard !columns.isEmpty else { return 0 }
        let selectList = columns.map { name in
            shifting[name].map { "\(name) + \($0)" } ?? name
        }.joined(separator: ", ")
        try main.execute(
            "\(mode) INTO main.\(table)(\(columns.joined(separator: ", "))) "
                + "SELECT \(selectList) FROM \(Self.schema).\(table) ORDER BY rowid")
        return Int(main.changes)
    }

    /// The part table's columns (minus `skip`), after adding any missing ones to main.
    private func columnsToCopy(table: String, skip: Set<String>) throws -> [String] {
        let info = try main.query("PRAGMA \(Self.schema).table_info(\(table))")
        let mainColumns = Set(try main.columns(of: table).map { $0.lowercased() })
        var columns: [String] = []
        for row in info.rows {
            guard let name = row[1].string, !skip.contains(name) else { continue }
            guard Catalog.isIdentifier(name) else {
                throw PretextError(.catalog, "part catalog has an invalid column name in \(table)", path: partPath)
            }
            if !mainColumns.contains(name.lowercased()) {
                let type = row[2].string ?? ""
                try main.execute(
                    "ALTER TABLE main.\(table) ADD COLUMN \(name) \(Catalog.isIdentifier(type) ? type : "")")
            }
            columns.append(name)
        }
        return columns
    }
}
