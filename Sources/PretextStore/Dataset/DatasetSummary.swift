import PretextCore

/// A dataset at a glance, read from its catalog: used by `pretext inspect` and the
/// quickstart summary.
public struct DatasetSummary: Sendable, Equatable, CustomStringConvertible {
    /// Drops counted by stage and reason.
    public struct DropCount: Sendable, Equatable {
        /// The stage.
        public var stage: String
        /// The reason.
        public var reason: String
        /// How many.
        public var count: Int
    }

    /// Documents of one detected language.
    public struct LanguageCount: Sendable, Equatable {
        /// The language code (`documents.lang`).
        public var code: String
        /// How many documents.
        public var count: Int
    }

    /// Document rows.
    public var documents: Int
    /// Records in rejects shards.
    public var rejects: Int
    /// Drop rows (rejected records plus file-level drops).
    public var drops: Int
    /// Shards of every kind.
    public var shards: Int
    /// Shards by kind name.
    public var shardsByKind: [String: Int]
    /// Uncompressed bytes over all shards.
    public var bytesRaw: Int
    /// Compressed bytes over all shards (file sizes).
    public var bytesCompressed: Int
    /// Drops by stage and reason, most frequent first.
    public var dropsByReason: [DropCount]
    /// The runs, by step, stage and rank.
    public var runs: [RunRow]
    /// Documents by detected language (`documents.lang`), most frequent first; empty when no
    /// language stage ran.
    public var languages: [LanguageCount] = []
    /// Documents by the charset their web page was decoded from (ingest's `charset` column),
    /// most frequent first; empty when no WARC responses were ingested.
    public var charsets: [CharsetCount] = []

    /// Drops of input that could not be read (`RejectReason.meansUnreadableInput`): damaged
    /// files and records ingest could not read, as opposed to drops by a stage's rules.
    public var unreadableInputs: Int {
        dropsByReason.filter { RejectReason($0.reason).meansUnreadableInput(stage: $0.stage) }.map(\.count).reduce(0, +)
    }

    /// `bytesRaw / bytesCompressed` (0 when there is nothing).
    public var compressionRatio: Double {
        bytesCompressed > 0 ? Double(bytesRaw) / Double(bytesCompressed) : 0
    }

    /// Reads the summary from the dataset's main catalog.
    public static func load(_ dataset: Dataset) throws -> DatasetSummary {
        let catalog = try dataset.openCatalog(readOnly: true)
        let c = catalog.connection
        let totals = try c.query(
            "SELECT count(*), coalesce(sum(bytes_raw), 0), coalesce(sum(bytes_compressed), 0) FROM shards"
        ).rows[0]
        var byKind: [String: Int] = [:]
        for row in try c.query("SELECT kind, count(*) FROM shards GROUP BY kind").rows {
            byKind[row[0].string ?? ""] = row[1].int ?? 0
        }
        let drops = try c.query(
            "SELECT stage, reason, count(*) AS n FROM drops GROUP BY stage, reason ORDER BY n DESC, stage, reason")
        let languages = try c.query(
            "SELECT lang, count(*) AS n FROM documents WHERE lang IS NOT NULL GROUP BY lang ORDER BY n DESC, lang")
        var summary = DatasetSummary(
            documents: try c.scalar("SELECT count(*) FROM documents")?.int ?? 0,
            rejects: try c.scalar("SELECT coalesce(sum(records), 0) FROM shards WHERE kind = 'rejects'")?.int ?? 0,
            drops: try c.scalar("SELECT count(*) FROM drops")?.int ?? 0,
            shards: totals[0].int ?? 0, shardsByKind: byKind, bytesRaw: totals[1].int ?? 0,
            bytesCompressed: totals[2].int ?? 0,
            dropsByReason: drops.rows.map {
                DropCount(stage: $0[0].string ?? "", reason: $0[1].string ?? "", count: $0[2].int ?? 0)
            },
            runs: try catalog.runs())
        summary.languages = languages.rows.map { LanguageCount(code: $0[0].string ?? "", count: $0[1].int ?? 0) }
        summary.charsets = try loadCharsets(catalog)
        return summary
    }

    /// A readable text report with aligned tables.
    public var description: String {
        var lines: [String] = []
        lines.append("documents         \(documents)")
        lines.append("rejects           \(rejects)")
        lines.append("drops             \(drops)")
        let kinds = shardsByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("shards            \(shards)" + (kinds.isEmpty ? "" : " (\(kinds))"))
        lines.append("bytes raw         \(Self.bytes(bytesRaw))")
        lines.append("bytes compressed  \(Self.bytes(bytesCompressed))")
        lines.append("compression ratio \(Self.fixed(compressionRatio, 2))")
        if !languages.isEmpty {
            lines.append("")
            lines +=
                TextTable(header: ["lang", "documents"], rows: languages.map { [$0.code, String($0.count)] }).lines
        }
        lines += charsetLines
        if !dropsByReason.isEmpty {
            lines.append("")
            lines +=
                TextTable(
                    header: ["stage", "reason", "drops"],
                    rows: dropsByReason.map { [$0.stage, $0.reason, String($0.count)] }
                ).lines
        }
        if !runs.isEmpty {
            lines.append("")
            lines +=
                TextTable(
                    header: ["step", "stage", "rank", "status", "docs_in", "docs_out", "rejected"],
                    rows: runs.map {
                        [
                            String($0.step), $0.stage, "\($0.rank)/\($0.worldSize)", $0.status.rawValue,
                            Self.optional($0.docsIn),
                            Self.optional($0.docsOut), Self.optional($0.docsRejected),
                        ]
                    }
                ).lines
        }
        return lines.joined(separator: "\n")
    }

    static func optional(_ value: Int?) -> String { value.map(String.init) ?? "-" }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = String(Int(abs(scaled).truncatingRemainder(dividingBy: scale)))
        return "\(whole)." + String(repeating: "0", count: max(0, digits - fraction.count)) + fraction
    }

    static func bytes(_ count: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : "\(fixed(value, 1)) \(units[unit]) (\(count))"
    }
}

/// A left-aligned plain-text table.
struct TextTable {
    var header: [String]
    var rows: [[String]]

    var lines: [String] {
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        return [render(header), render(widths.map { String(repeating: "-", count: $0) })] + rows.map(render)
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
