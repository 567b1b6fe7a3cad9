import PretextCore

/// A document's row as `DocumentTracer` reads it: every column of `documents` (signal
/// columns included) and the shard that holds its record.
public struct TracedDocumentRow: Sendable, Equatable {
    /// The column names, in table order, without the record's location.
    public var columns: [String]
    /// The values, one per column.
    public var values: [SQLValue]
    /// The shard's path, relative to the dataset root.
    public var shard: String
    /// The shard's kind (`documents`, or `examples` for token records).
    public var kind: ShardKind
    /// The shard file's XXH64: a linked shard has its input's.
    public var checksum: String
    /// The record's place in the shard.
    public var location: RecordLocation

    /// The value of column `name`, or `nil` when the catalog has no such column.
    public func value(of name: String) -> SQLValue? {
        columns.firstIndex(of: name).map { values[$0] }
    }
}

/// Per-step totals for `pretext inspect OUTPUT`: documents in, kept and dropped by the step's
/// done runs, and its drops by reason.
public struct StepTotals: Sendable, Equatable, Codable {
    /// Drops of one reason.
    public struct ReasonCount: Sendable, Equatable, Codable {
        /// The reason (`drops.reason`).
        public var reason: String
        /// How many rows of `drops` give it.
        public var count: Int
    }

    /// Documents (or records) the step's tasks read.
    public var documentsIn: Int
    /// Documents the step passed on.
    public var kept: Int
    /// Documents it dropped to `rejects/`.
    public var dropped: Int
    /// Rows of `drops` by reason (file-level drops of ingest included), most first.
    public var dropsByReason: [ReasonCount]

    enum CodingKeys: String, CodingKey {
        case kept, dropped
        case documentsIn = "documents_in"
        case dropsByReason = "drops_by_reason"
    }
}

extension Catalog {
    /// The columns of `documents` that locate a record rather than describe the document.
    static let locationColumns: Set<String> = ["rowid", "shard_id", "frame", "offset", "length"]

    /// The first row (by rowid) of the document `id`, with its shard, or `nil` when the
    /// catalog has none.
    public func tracedDocument(id: String) throws -> TracedDocumentRow? {
        let result = try connection.query(
            """
            SELECT d.frame, d.offset, d.length, s.path, s.kind, s.checksum, d.* FROM documents d
            JOIN shards s ON s.id = d.shard_id WHERE d.id = ? ORDER BY d.rowid LIMIT 1
            """, [.text(id)])
        guard let row = result.rows.first else { return nil }
        let described = (6..<result.columns.count).filter { !Self.locationColumns.contains(result.columns[$0]) }
        return TracedDocumentRow(
            columns: described.map { result.columns[$0] }, values: described.map { row[$0] },
            shard: row[3].description, kind: ShardKind.named(row[4].description), checksum: row[5].description,
            location: RecordLocation(frame: row[0].int ?? 0, offset: row[1].int ?? 0, length: row[2].int ?? 0))
    }

    /// The drops naming the document `id`, in the order they were recorded, with the place of
    /// each rejected record.
    public func tracedDrops(document id: String) throws -> [DocumentTrace.Drop] {
        let result = try connection.query(
            """
            SELECT d.stage, d.reason, d.detail, d.input, d.input_line, d.input_offset, s.path, d.reject_frame,
                d.reject_offset, d.reject_length
            FROM drops d LEFT JOIN shards s ON s.id = d.reject_shard_id WHERE d.document = ? ORDER BY d.rowid
            """, [.text(id)])
        return result.rows.map { row in
            let reject = row[6].string.map {
                DocumentTrace.Place(
                    shard: $0, frame: row[7].int ?? 0, offset: row[8].int ?? 0, length: row[9].int ?? 0)
            }
            return DocumentTrace.Drop(
                stage: row[0].description, reason: row[1].description, detail: row[2].string, reject: reject,
                input: row[3].string, inputLine: row[4].int, inputOffset: row[5].int)
        }
    }

    /// Whether the dataset holds examples shards and no document rows: the records of an
    /// example stage, which cannot be traced back to documents.
    public func holdsExamplesOnly() throws -> Bool {
        let documents = try connection.scalar("SELECT EXISTS(SELECT 1 FROM documents)")?.int ?? 0
        let examples =
            try connection.scalar(
                "SELECT EXISTS(SELECT 1 FROM shards WHERE kind = ?)", [.text(ShardKind.examples.name)])?.int ?? 0
        return documents == 0 && examples == 1
    }

    /// The step's totals over its done runs, and its drops by reason.
    public func stepTotals() throws -> StepTotals {
        let runs = try connection.query(
            """
            SELECT coalesce(sum(docs_in), 0), coalesce(sum(docs_out), 0), coalesce(sum(docs_rejected), 0)
            FROM runs WHERE status = ?
            """, [.text(RunStatus.done.rawValue)]
        ).rows[0]
        let drops = try connection.query(
            "SELECT reason, count(*) AS n FROM drops GROUP BY reason ORDER BY n DESC, reason")
        return StepTotals(
            documentsIn: runs[0].int ?? 0, kept: runs[1].int ?? 0, dropped: runs[2].int ?? 0,
            dropsByReason: drops.rows.map { .init(reason: $0[0].description, count: $0[1].int ?? 0) })
    }
}
