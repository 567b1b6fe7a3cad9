import Foundation
import PretextCore
import PretextPipeline
import PretextStore
import PretextTestSupport
import Testing

@testable import PretextStages

/// The example stages of ExampleStages.swift plug into pipelines with one registry line each.
@Suite struct ExampleStageTests {
    private let registry = StageRegistry.standard.adding(.init(ShoutStage.self)).adding(.init(ScalarBlocksStage.self))

    private static let texts = ["abc", "Hello, wörld!", "你好，世界。再见。", String(repeating: "long text ", count: 8)]

    private func run(_ stages: String, in directory: TemporaryDirectory, workers: Int = 1) throws -> [StepReport] {
        let lines = try Self.texts.enumerated().map { try StageRun.line(id: "d\($0)", text: $1) }
        try directory.write("in/a.jsonl", lines.joined(separator: "\n") + "\n")
        return try StageRun.pipeline(stages, in: directory, workers: workers, registry: registry)
    }

    @Test func aNewDocumentStagePlugsIn() throws {
        let directory = try TemporaryDirectory()
        let reports = try run("  - stage: shout\n  - stage: shout\n    count_only: true", in: directory)
        #expect(reports.map(\.kept) == [4, 4, 4])
        let shouted = try DocumentFetch.texts(directory.file("out/02-shout"))
        #expect(shouted["d1"] == "HELLO, WöRLD!" && shouted["d2"] == Self.texts[2])
        let counts = try StageRun.rows(directory.file("out/02-shout"), "SELECT id, lowercase_letters FROM documents")
        #expect(counts.first { $0[0] == .text("d0") }?[1] == .integer(3))
        let counted = try StageRun.rows(directory.file("out/03-shout"), "SELECT sum(lowercase_letters) FROM documents")
        #expect(counted[0][0] == .integer(0), "the second step counts the first one's output")
        for step in ["02-shout", "03-shout"] {
            #expect(try DatasetVerifier.verify(Dataset.open(at: directory.file("out/" + step))).isClean)
        }
    }

    /// The records of `texts` cut into blocks of `block` scalars, computed here without the stage.
    private func expectedRecords(_ texts: [String], block: Int) -> [[UInt8]] {
        var records: [[UInt8]] = []
        for text in texts {
            let scalars = text.unicodeScalars.map(\.value)
            for start in stride(from: 0, to: scalars.count, by: block) {
                let piece = Array(scalars[start..<min(start + block, scalars.count)])
                let values = [UInt32(piece.count)] + piece + Array(repeating: 0, count: block - piece.count)
                records.append(values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } })
            }
        }
        return records
    }

    /// Every record of the dataset's example shards, in catalog order.
    private func records(_ path: String, size: Int) throws -> [[UInt8]] {
        let dataset = try Dataset.open(at: path)
        var records: [[UInt8]] = []
        for shard in try dataset.openCatalog(readOnly: true).shards() where shard.kind == .examples {
            let reader = try ShardReader(path: dataset.path(shard.path))
            for frame in 0..<reader.frameCount {
                try reader.withFrame(frame) { bytes in
                    #expect(bytes.count % size == 0, "frames hold whole records")
                    for start in stride(from: 0, to: bytes.count, by: size) {
                        records.append(Array(bytes[start..<start + size]))
                    }
                }
            }
        }
        return records
    }

    @Test func aRecordStageWritesFixedLayoutRecordsAndRejectsWhatItDrops() throws {
        let directory = try TemporaryDirectory()
        let reports = try run("  - stage: scalar_blocks\n    block: 4\n    max_blocks: 5", in: directory)
        let output = directory.file("out/02-scalar_blocks")
        #expect(reports[1].documentsIn == 4 && reports[1].kept == 3 && reports[1].rejected == 1)
        let catalog = try Dataset.open(at: output).openCatalog(readOnly: true)
        let schema = try #require(try catalog.recordSchema())
        #expect(schema.json == #"{"length":"uint32[1]","scalars":"uint32[4]"}"# && schema.recordBytes == 20)
        let expected = expectedRecords(Array(Self.texts.prefix(3)), block: 4)
        #expect(try records(output, size: 20) == expected)
        let shards = try catalog.shards()
        #expect(shards.filter { $0.kind == .examples }.allSatisfy { $0.path.hasSuffix(".bin.zst") })
        #expect(shards.filter { $0.kind == .examples }.map(\.records).reduce(0, +) == expected.count)
        #expect(try StageRun.rejects(output) == ["d3": "too_many_blocks: 20 blocks, max_blocks 5"])
        let shard = try #require(shards.first { $0.kind == .examples })
        let zstd = try ExternalTool.run("zstd", ["-dc", output + "/" + shard.path])
        #expect(zstd.status == 0 && zstd.bytes == expected.flatMap { $0 }, "any zstd reader gets the records")
        #expect(try DatasetVerifier.verify(Dataset.open(at: output)).isClean)
        let again = try run("  - stage: scalar_blocks\n    block: 4\n    max_blocks: 5", in: directory)
        #expect(again.allSatisfy { $0.ranksRun.isEmpty }, "a rerun skips finished tasks")
    }

    @Test func twoWorkersWriteTheSameRecords() throws {
        let one = try TemporaryDirectory()
        let two = try TemporaryDirectory()
        _ = try run("  - stage: scalar_blocks\n    block: 3", in: one, workers: 1)
        _ = try run("  - stage: scalar_blocks\n    block: 3", in: two, workers: 2)
        let first = try records(one.file("out/02-scalar_blocks"), size: 16)
        let second = try records(two.file("out/02-scalar_blocks"), size: 16)
        #expect(first.count == expectedRecords(Self.texts, block: 3).count)
        #expect(first.sorted { $0.lexicographicallyPrecedes($1) } == second.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func verifyChecksRecordsAgainstTheSchema() throws {
        let directory = try TemporaryDirectory()
        _ = try run("  - stage: scalar_blocks\n    block: 4", in: directory)
        let output = try Dataset.open(at: directory.file("out/02-scalar_blocks"))
        try output.openCatalog().setRecordSchema(try RecordSchema([.init("length", .uint32, count: 7)]))
        let report = try DatasetVerifier.verify(output)
        #expect(report.problems.contains { $0.kind == "record_size" || $0.kind == "record_count" }, "\(report)")
    }

    @Test func recordsOfTheWrongSizeAreRefused() throws {
        var output = RecordOutput(schema: try RecordSchema([.init("pair", .uint32, count: 2)]))
        var record = RecordBuilder()
        record.append(UInt32(1))
        let error = try #require(throws: PretextError.self) { try output.append(record) }
        #expect(error.code == .invalidConfiguration && error.message.contains("4 bytes"))
        record.append(Float(1.5))
        try output.append(record)
        #expect(output.count == 1)
    }
}
