import PretextCore

/// Copies one part catalog's rows into the main catalog (inside the caller's transaction).
struct PartCopier {
    let main: SQLiteConnection
    let part: SQLiteConnection

    struct Counts {
        var shards = 0
        var documents = 0
        var drops = 0
    }

    init(main: SQLiteConnection, partPath: String) throws {
        self.main = main
        self.part = try SQLiteConnection(path: partPath)
    }

    /// Copies shards (ids shifted), documents and drops (shard references shifted), runs
    /// and `dataset_meta`.
    func copyAll() throws -> Counts {
        let shift = try main.scalar("SELECT coalesce(max(id), 0) FROM shards")?.int64 ?? 0
        var counts = Counts()
        counts.shards = try copy(table: "shards", skip: [], shifting: ["id": shift], mode: "INSERT")
        counts.documents = try copy(table: "documents", skip: ["rowid"], shifting: ["shard_id": shift], mode: "INSERT")
        counts.drops = try copy(table: "drops", skip: ["rowid"], shifting: ["reject_shard_id": shift], mode: "INSERT")
        _ = try copy(table: "runs", skip: ["rowid"], shifting: [:], mode: "INSERT OR REPLACE")
        _ = try copy(table: "dataset_meta", skip: [], shifting: [:], mode: "INSERT OR REPLACE")
        return counts
    }

    /// Copies every row of `table`, by column name, adding columns the main table lacks.
    /// - Returns: the number of rows copied.
    private func copy(table: String, skip: Set<String>, shifting: [String: Int64], mode: String) throws -> Int {
        let columns = try columnsToCopy(table: table, skip: skip)
        guard !columns.isEmpty else { return 0 }
        let selectList = columns.map { name in
            shifting[name].map { "\(name) + \($0)" } ?? name
        }.joined(separator: ", ")
        let source = try part.prepare("SELECT \(selectList) FROM \(table) ORDER BY rowid")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let target = try main.prepare("\(mode) INTO \(table)(\(columns.joined(separator: ", "))) VALUES (\(marks))")
        var rows = 0
        while try source.step() {
            for index in columns.indices { try target.bindColumn(of: source, index, at: index + 1) }
            try target.step()
            target.reset()
            rows += 1
        }
        return rows
    }

    /// The part table's columns (minus `skip`), after adding any missing ones to main.
    private func columnsToCopy(table: String, skip: Set<String>) throws -> [String] {
        let info = try part.query("PRAGMA table_info(\(table))")
        let mainColumns = Set(try main.columns(of: table).map { $0.lowercased() })
        var columns: [String] = []
        for row in info.rows {
            guard let name = row[1].string, !skip.contains(name) else { continue }
            if !mainColumns.contains(name.lowercased()) {
                guard Catalog.isIdentifier(name) else {
                    throw PretextError(.catalog, "part catalog has an invalid column name in \(table)", path: part.path)
                }
                let type = row[2].string ?? ""
                try main.execute("ALTER TABLE \(table) ADD COLUMN \(name) \(Catalog.isIdentifier(type) ? type : "")")
            }
            columns.append(name)
        }
        return columns
    }
}
