import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// The column table drives the schema, the insert and the cursor: a row goes in and comes back
/// whole, and the released schema stays as it was.
@Suite struct DocumentColumnsTests {
    /// A row with every typed field and two signals set.
    private static let full = DocumentRow(
        id: "doc-1", source: "a.jsonl", inputLine: 3, bytes: 9, chars: 8, lang: "zh", langScore: 0.75, words: 4,
        sentences: 2, lines: 1, paragraphs: 1, tokens: 12, sentenceBounds: [0, 5, 6], dupCluster: 17,
        signals: [Signal("quality", .real(0.5)), Signal("script", .text("Hani"))])

    private func catalog(in dir: TemporaryDirectory) throws -> (Catalog, Int64) {
        let catalog = try Catalog(path: dir.file("c.sqlite"))
        try catalog.ensureColumn(table: "documents", name: "quality", type: "REAL")
        try catalog.ensureColumn(table: "documents", name: "script", type: "TEXT")
        let id = try catalog.insertShard(
            ShardRow(
                path: "shards/a.jsonl.zst", kind: .documents, step: 1, stage: "s", rank: 0, records: 2, frames: 1,
                bytesRaw: 20, bytesCompressed: 30, checksum: "0"))
        return (catalog, id)
    }

    @Test func everyFieldRoundTripsThroughInsertAndCursor() throws {
        let dir = try TemporaryDirectory()
        let (catalog, shard) = try catalog(in: dir)
        try catalog.insertDocument(Self.full, shardID: shard, location: RecordLocation(frame: 0, offset: 0, length: 10))
        try catalog.insertDocument(
            DocumentRow(id: "doc-2"), shardID: shard, location: RecordLocation(frame: 0, offset: 10, length: 10))
        var rows = try catalog.documentRows(shard: shard)
        let first = try #require(try rows.next())
        var expected = Self.full
        expected.rowID = 1
        #expect(first.row == expected && first.frame == 0 && first.offset == 0)
        let second = try #require(try rows.next())
        var empty = DocumentRow(id: "doc-2")
        empty.rowID = 2
        #expect(second.row == empty && second.offset == 10, "NULL columns read as nil, no signals")
        #expect(try rows.next() == nil)
    }

    @Test func aCursorOverSomeColumnsStillKnowsTheLocation() throws {
        let dir = try TemporaryDirectory()
        let (catalog, shard) = try catalog(in: dir)
        try catalog.insertDocument(Self.full, shardID: shard, location: RecordLocation(frame: 0, offset: 7, length: 3))
        var rows = try catalog.documentRows(shard: shard, columns: { $0 == "lang" || $0 == "quality" })
        let item = try #require(try rows.next())
        #expect(item.offset == 7 && item.row.lang == "zh" && item.row.source == nil)
        #expect(item.row.signals == [Signal("quality", .real(0.5))])
    }

    @Test func valuesByColumnNameCoverFieldsAndSignals() {
        #expect(Self.full.value(of: "lang_score") == .real(0.75))
        #expect(Self.full.value(of: "sentence_bounds") == .blob([0, 5, 6]))
        #expect(Self.full.value(of: "script") == .text("Hani"))
        #expect(Self.full.value(of: "frame") == nil && Self.full.value(of: "nope") == nil)
        #expect(DocumentRow(id: "x").value(of: "words") == .null)
    }

    @Test func setSignalReplacesInPlaceOrAppends() {
        var row = Self.full
        row.setSignal("quality", .real(0.9))
        row.setSignal("new", .integer(1))
        #expect(
            row.signals == [Signal("quality", .real(0.9)), Signal("script", .text("Hani")), Signal("new", .integer(1))])
    }

    /// Released migrations never change: version 1's `documents` table is the one catalogs
    /// written by Pretext since the first release hold.
    @Test func versionOneDocumentsTableIsUnchanged() {
        #expect(
            DocumentColumns.createTable(version: 1) == """
                CREATE TABLE documents(
                    rowid INTEGER PRIMARY KEY,
                    id TEXT NOT NULL,
                    shard_id INTEGER NOT NULL REFERENCES shards(id),
                    frame INTEGER NOT NULL,
                    offset INTEGER NOT NULL,
                    length INTEGER NOT NULL,
                    source TEXT,
                    input_line INTEGER,
                    bytes INTEGER,
                    chars INTEGER,
                    lang TEXT,
                    lang_score REAL,
                    words INTEGER,
                    sentences INTEGER,
                    lines INTEGER,
                    paragraphs INTEGER,
                    tokens INTEGER,
                    sentence_bounds BLOB,
                    dup_cluster INTEGER);
                """)
        #expect(DocumentColumns.added(inVersion: 2).isEmpty)
    }
}
