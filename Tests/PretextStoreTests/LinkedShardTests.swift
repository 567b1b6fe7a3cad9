import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// A step that keeps every document unchanged links its input's shards instead of rewriting them.
@Suite struct LinkedShardTests {
    /// The documents of `shard` in `dataset` with their locations, as a later step would keep them.
    private func rows(of shard: ShardRow, in dataset: Dataset) throws -> [(DocumentRow, RecordLocation)] {
        let catalog = try dataset.openCatalog(readOnly: true)
        let found = try catalog.query(
            "SELECT id, frame, offset, length FROM documents WHERE shard_id = ? ORDER BY frame, offset",
            [.integer(shard.id ?? -1)])
        return found.rows.map { row in
            var document = DocumentRow(id: row[0].string ?? "")
            document.signals = [Signal("checked", .integer(1))]
            return (document, RecordLocation(frame: row[1].int!, offset: row[2].int!, length: row[3].int!))
        }
    }

    @Test func theLinkedShardIsTheSameFileWithNewRows() throws {
        let dir = try TemporaryDirectory()
        let input = try Dataset.create(at: dir.file("input"))
        try writeRank(input, rank: 0, worldSize: 1)
        _ = try DatasetMerger.merge(dataset: input, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        let shards = try input.openCatalog(readOnly: true).shards().filter { $0.kind == .documents }

        let output = try Dataset.create(at: dir.file("output"))
        let writer = DatasetPartWriter(
            dataset: output,
            configuration: .init(step: 2, stage: "audit", rank: 0, worldSize: 1, configHash: "h", frameSize: 1024))
        #expect(try writer.begin() == .started)
        let part = try #require(writer.catalog)
        _ = try part.ensureColumn(table: "documents", name: "checked", type: "INTEGER")
        for shard in shards { try writer.addLinkedShard(shard, of: input, rows: try rows(of: shard, in: input)) }
        try writer.finish(counts: RunCounts(docsIn: 96))
        _ = try DatasetMerger.merge(dataset: output, step: 2, stage: "audit", configHash: "h", worldSize: 1)

        let linked = try output.openCatalog(readOnly: true).shards()
        #expect(
            linked.map(\.path) == shards.indices.map { String(format: "shards/02-audit-r00000-%05d.jsonl.zst", $0) })
        for (original, copy) in zip(shards, linked) {
            #expect(copy.checksum == original.checksum && copy.records == original.records && copy.stage == "audit")
            var a = stat()
            var b = stat()
            #expect(stat(input.path(original.path), &a) == 0 && stat(output.path(copy.path), &b) == 0)
            #expect(a.st_ino == b.st_ino, "a hard link, not a copy")
        }
        let report = try DatasetVerifier.verify(output)
        #expect(report.isClean, "\(report.problems)")
        let checked = try output.openCatalog(readOnly: true).query("SELECT count(*) FROM documents WHERE checked = 1")
        #expect(checked.rows == [[.integer(96)]])
        let fetched = try RecordFetcher(dataset: output).record(
            shard: linked[0].path, frame: 0, offset: 0,
            length: try rows(of: shards[0], in: input)[0].1.length)
        #expect(fetched == makeRecords(count: 1, maxLength: 200, seed: 1)[0])
    }

    @Test func rowsMustAccountForEveryRecord() throws {
        let dir = try TemporaryDirectory()
        let input = try Dataset.create(at: dir.file("input"))
        try writeRank(input, rank: 0, worldSize: 1)
        _ = try DatasetMerger.merge(dataset: input, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        let shard = try #require(try input.openCatalog(readOnly: true).shards().first { $0.kind == .documents })
        let output = try Dataset.create(at: dir.file("output"))
        let writer = DatasetPartWriter(
            dataset: output,
            configuration: .init(step: 2, stage: "audit", rank: 0, worldSize: 1, configHash: "h", frameSize: 1024))
        _ = try writer.begin()
        let error = try #require(throws: PretextError.self) {
            try writer.addLinkedShard(shard, of: input, rows: Array(try rows(of: shard, in: input).dropLast()))
        }
        #expect(error.code == .invalidConfiguration && error.message.contains("every record"))
    }
}
