import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// Writes one rank of a stage: `count` documents, every fifth one rejected, one file drop.
@discardableResult
func writeRank(
    _ dataset: Dataset, rank: Int, worldSize: Int, count: Int = 120, hash: String = "h1", stop: Int? = nil
) throws -> DatasetPartWriter.BeginResult {
    let config = DatasetPartWriter.Configuration(
        step: 1, stage: "ingest", rank: rank, worldSize: worldSize, configHash: hash, frameSize: 1024,
        shardBytes: 8 * 1024)
    let writer = DatasetPartWriter(dataset: dataset, configuration: config)
    let result = try writer.begin()
    guard result == .started else { return result }
    let records = makeRecords(count: count, maxLength: 200, seed: UInt64(rank + 1))
    for (index, record) in records.enumerated() {
        if let stop, index == stop { return .started }  // a "crash": the writer is dropped unfinished
        let id = "r\(rank)-\(index)"
        try record.withUnsafeBytes { bytes in
            if index % 5 == 4 {
                try writer.addReject(
                    record: bytes,
                    drop: DropRow(document: id, reason: "too_short", input: "in.jsonl", inputLine: index + 1))
            } else {
                try writer.addDocument(
                    record: bytes,
                    row: DocumentRow(id: id, source: "in.jsonl", inputLine: index + 1, bytes: bytes.count))
            }
        }
    }
    try writer.addDrop(DropRow(reason: "unreadable_file", input: "bad.jsonl.gz"))
    try writer.finish(counts: RunCounts(docsIn: count, filesIn: 2))
    return .started
}

/// The bytes of every shard and reject file, by name.
func shardFiles(_ dataset: Dataset) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for dir in ["shards", "rejects"] {
        for name in try FileManager.default.contentsOfDirectory(atPath: dataset.path(dir)) {
            files[dir + "/" + name] = try Data(contentsOf: URL(fileURLWithPath: dataset.path(dir + "/" + name)))
        }
    }
    return files
}

@Suite struct PartWriterTests {
    @Test func writesShardsAndRowsThatPointAtTheRecords() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1)
        let part = try Catalog(path: dataset.path("parts/01-ingest-r00000.sqlite"))
        let shards = try part.shards()
        #expect(shards.filter { $0.kind == .documents }.count > 1)  // rolled at 8 KiB
        #expect(
            shards.allSatisfy {
                $0.path.hasPrefix($0.kind == .rejects ? "rejects/01-ingest-r00000-" : "shards/01-ingest-r00000-")
            })
        #expect(shards.first?.path == "shards/01-ingest-r00000-00000.jsonl.zst")
        let run = try #require(try part.run(step: 1, stage: "ingest", rank: 0, worldSize: 1))
        #expect(run.status == .done)
        #expect(run.docsIn == 120 && run.docsOut == 96 && run.docsRejected == 24)

        let records = makeRecords(count: 120, maxLength: 200, seed: 1)
        let fetcher = RecordFetcher(dataset: dataset)
        let rows = try part.query(
            "SELECT d.input_line, s.path, d.frame, d.offset, d.length FROM documents d JOIN shards s ON s.id = d.shard_id"
        )
        #expect(rows.rows.count == 96)
        for row in rows.rows {
            let record = try fetcher.record(
                shard: row[1].string!, frame: row[2].int!, offset: row[3].int!, length: row[4].int!)
            #expect(record == records[row[0].int! - 1])
        }
        let drops = try part.query(
            "SELECT count(*) FROM drops WHERE reject_shard_id IS NOT NULL AND stage = 'ingest' AND reason = 'too_short'"
        )
        #expect(drops.rows[0][0] == .integer(24))
    }

    @Test func doneRankIsSkippedAndChangedConfigIsRedone() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        #expect(try writeRank(dataset, rank: 0, worldSize: 1) == .started)
        #expect(try writeRank(dataset, rank: 0, worldSize: 1) == .alreadyDone)
        #expect(try writeRank(dataset, rank: 0, worldSize: 1, hash: "h2") == .started)
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h2", worldSize: 1)
        #expect(try writeRank(dataset, rank: 0, worldSize: 1, hash: "h2") == .alreadyDone)
        // The merged output came from h2; writing step 1 again with h1 would mix outputs.
        #expect(throws: PretextError.self) { try writeRank(dataset, rank: 0, worldSize: 1, hash: "h1") }
    }

    @Test func crashedRankRestartsFromScratchWithIdenticalBytes() throws {
        let clean = try TemporaryDirectory()
        let reference = try Dataset.create(at: clean.path)
        try writeRank(reference, rank: 0, worldSize: 1)
        let expected = try shardFiles(reference)

        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1, stop: 70)  // crash midway
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dataset.shardsDirectory)
        #expect(leftovers.contains { $0.hasSuffix(".tmp") })  // the open shard's temp file
        let part = try Catalog(path: dataset.path("parts/01-ingest-r00000.sqlite"))
        #expect(try part.run(step: 1, stage: "ingest", rank: 0, worldSize: 1)?.status == .running)
        // Every registered shard is complete, with all its documents.
        for shard in try part.shards() where shard.kind == .documents {
            let count = try part.query("SELECT count(*) FROM documents WHERE shard_id = ?", [.integer(shard.id!)])
            #expect(count.rows[0][0].int == shard.records)
            #expect(FileManager.default.fileExists(atPath: dataset.path(shard.path)))
        }

        #expect(try writeRank(dataset, rank: 0, worldSize: 1) == .started)
        #expect(try shardFiles(dataset) == expected)
        let unmerged = try DatasetVerifier.verify(dataset)
        #expect(unmerged.problems.contains { $0.kind == "unmerged_part" })
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        let report = try DatasetVerifier.verify(dataset)
        #expect(report.isClean, "\(report)")
    }
}

@Suite struct MergeTests {
    @Test func mergesTwoRanksAndRemergeIsIdempotent() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 2)
        // Rank 1 adds a signal column that rank 0 lacks.
        let config = DatasetPartWriter.Configuration(
            step: 1, stage: "ingest", rank: 1, worldSize: 2, configHash: "h1", frameSize: 1024, shardBytes: 8 * 1024)
        let writer = DatasetPartWriter(dataset: dataset, configuration: config)
        #expect(try writer.begin() == .started)
        try #require(writer.catalog).ensureColumn(table: "documents", name: "score", type: "REAL")
        for (index, record) in makeRecords(count: 50, maxLength: 100, seed: 2).enumerated() {
            try record.withUnsafeBytes {
                try writer.addDocument(
                    record: $0, row: DocumentRow(id: "r1-\(index)", signals: [Signal("score", .real(Double(index)))]))
            }
        }
        let missing = try DatasetMerger.merge(
            dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2)
        #expect(missing == .waiting(ranks: [1]))
        #expect(
            DatasetMerger.waitingMessage(step: 1, stage: "ingest", ranks: [1], worldSize: 2).contains("ranks 1 of 2"))
        try writer.finish(counts: RunCounts(docsIn: 50))

        let result = try #require(
            try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2).result)
        #expect(result.mergedRanks == [0, 1])
        #expect(result.documents == 96 + 50)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dataset.partsDirectory).isEmpty)

        let main = try dataset.openCatalog()
        #expect(try main.query("SELECT count(*) FROM documents").rows[0][0] == .integer(146))
        #expect(try main.query("SELECT count(*) FROM runs WHERE status = 'done'").rows[0][0] == .integer(2))
        #expect(try main.query("SELECT sum(score) FROM documents").rows[0][0] == .real(Double((0..<50).reduce(0, +))))
        // Documents point at their own shards after id remapping.
        let wrong = try main.query(
            "SELECT count(*) FROM documents d JOIN shards s ON s.id = d.shard_id WHERE substr(d.id, 1, 2) != 'r' || s.rank"
        )
        #expect(wrong.rows[0][0] == .integer(0))
        let report = try DatasetVerifier.verify(dataset)
        #expect(report.isClean, "\(report)")

        let again = try #require(
            try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2).result)
        #expect(again.mergedRanks.isEmpty && again.alreadyMergedRanks == [0, 1])
        #expect(try main.query("SELECT count(*) FROM documents").rows[0][0] == .integer(146))
    }

    /// Each part is copied in its own transaction: a part that cannot be copied leaves the
    /// ranks before it merged and itself unmerged, and the next merge copies it alone.
    @Test func aPartThatFailsToCopyIsCopiedAloneByTheNextMerge() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 2)
        try writeRank(dataset, rank: 1, worldSize: 2)
        let part = try SQLiteConnection(path: dataset.path("parts/01-ingest-r00001.sqlite"))
        try part.execute(#"ALTER TABLE documents ADD COLUMN "not an identifier" TEXT"#)
        #expect(throws: PretextError.self) {
            try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2)
        }
        let status = try StepStatus(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2)
        #expect(status.task(0) == .merged && status.task(1) == .finished)
        #expect(try dataset.openCatalog().query("SELECT count(*) FROM documents").rows[0][0] == .integer(96))

        try part.execute(#"ALTER TABLE documents DROP COLUMN "not an identifier""#)
        let result = try #require(
            try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2).result)
        #expect(result.mergedRanks == [1] && result.alreadyMergedRanks == [0])
        #expect(try dataset.openCatalog().query("SELECT count(*) FROM documents").rows[0][0] == .integer(192))
        #expect(try DatasetVerifier.verify(dataset).isClean)
    }

    @Test func rerunAfterCrashBetweenCommitAndDeletionDeletesParts() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1)
        let part = dataset.path("parts/01-ingest-r00000.sqlite")
        let saved = try Data(contentsOf: URL(fileURLWithPath: part))
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        try saved.write(to: URL(fileURLWithPath: part))  // as if the deletion never happened
        let result = try #require(
            try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 1).result)
        #expect(result.alreadyMergedRanks == [0])
        #expect(!FileManager.default.fileExists(atPath: part))
        #expect(try dataset.openCatalog().query("SELECT count(*) FROM documents").rows[0][0] == .integer(96))
    }
}

@Suite struct VerifyAndSummaryTests {
    @Test func flippedByteIsReportedWithShardAndFrame() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1)
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        #expect(try DatasetVerifier.verify(dataset).isClean)

        let shard = "shards/01-ingest-r00000-00001.jsonl.zst"
        let reader = try ShardReader(path: dataset.path(shard))
        let frame1 = Int(reader.seekTable.entries[0].compressedSize)
        try flipByte(dataset.path(shard), at: frame1 + Int(reader.seekTable.entries[1].compressedSize) / 2)
        try Data("stray".utf8).write(to: URL(fileURLWithPath: dataset.path("shards/stray.jsonl.zst")))

        let report = try DatasetVerifier.verify(dataset)
        #expect(report.problems.contains { $0.kind == "file_checksum" && $0.shard == shard })
        #expect(report.problems.contains { $0.kind == "frame_corrupt" && $0.shard == shard && $0.frame == 1 })
        #expect(report.problems.contains { $0.kind == "stray_file" && $0.shard == "shards/stray.jsonl.zst" })
        #expect(report.description.contains("\(shard) frame 1"))
    }

    @Test func verifyCatchesCountsThatDoNotAddUp() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 1)
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 1)
        let main = try dataset.openCatalog()
        try main.connection.execute("UPDATE runs SET docs_in = docs_in + 1")
        try main.connection.execute("UPDATE shards SET records = records + 1 WHERE id = 1")
        try main.connection.execute("UPDATE documents SET offset = offset + 1 WHERE rowid = 1")
        let kinds = Set(try DatasetVerifier.verify(dataset).problems.map(\.kind))
        // The shifted row no longer covers its record's first byte and overlaps the next one.
        #expect(
            kinds == ["run_counts", "record_count", "row_mismatch", "bad_location", "missing_row", "duplicate_row"])
    }

    @Test func summaryCountsAddUp() throws {
        let dir = try TemporaryDirectory()
        let dataset = try Dataset.create(at: dir.path)
        try writeRank(dataset, rank: 0, worldSize: 2)
        try writeRank(dataset, rank: 1, worldSize: 2)
        try DatasetMerger.merge(dataset: dataset, step: 1, stage: "ingest", configHash: "h1", worldSize: 2)
        let summary = try DatasetSummary.load(dataset)
        #expect(summary.documents == 192)
        #expect(summary.rejects == 48)
        #expect(summary.drops == 50)
        #expect(summary.dropsByReason.map(\.reason) == ["too_short", "unreadable_file"])
        #expect(summary.dropsByReason.map(\.count) == [48, 2])
        #expect(summary.runs.count == 2)
        #expect(summary.bytesRaw > summary.bytesCompressed)
        #expect(summary.compressionRatio > 1)
        let files = try shardFiles(dataset)
        #expect(summary.shards == files.count)
        #expect(summary.bytesCompressed == files.values.reduce(0) { $0 + $1.count })
        let text = summary.description
        #expect(text.contains("documents         192"))
        #expect(text.contains("too_short"))
    }
}
