import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

@Suite struct ShardTests {
    @Test(arguments: [64, 1000, 4096, 1 << 20])
    func roundTripsRecords(frameSize: Int) throws {
        let dir = try TemporaryDirectory()
        let records = makeRecords(count: 500, maxLength: 400, seed: UInt64(frameSize))
        let (summary, locations) = try writeShard(records, directory: dir.path, frameSize: frameSize)
        #expect(summary.records == 500)
        #expect(summary.bytesRaw == records.reduce(0) { $0 + $1.count })
        #expect(FileManager.default.fileExists(atPath: summary.path))
        #expect(!FileManager.default.fileExists(atPath: dir.file(".test.jsonl.zst.tmp")))
        let fileBytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: summary.path)))
        #expect(summary.bytesCompressed == fileBytes.count)
        #expect(summary.xxh64 == XXH64.hash(fileBytes))

        let reader = try ShardReader(path: summary.path)
        #expect(reader.frameCount == summary.frames)
        var index = 0
        try reader.forEachRecord { bytes, location in
            #expect(Array(bytes) == Array(records[index].dropLast()))
            #expect(location == locations[index])
            index += 1
        }
        #expect(index == records.count)
        for frame in 0..<reader.frameCount {
            // Frames hold whole records, within the bound unless one record is oversize.
            let bytes = try reader.frame(frame)
            #expect(bytes.last == 0x0A)
            let records = ShardReader.count(0x0A, in: bytes.withUnsafeBytes { $0 })
            #expect(bytes.count <= frameSize || records == 1)
        }
    }

    @Test func cutsFramesBeforeTheBoundAndIsolatesOversizeRecords() throws {
        let dir = try TemporaryDirectory()
        let records: [[UInt8]] = [
            [UInt8](repeating: 0x61, count: 40) + [0x0A],  // 41
            [UInt8](repeating: 0x62, count: 50) + [0x0A],  // 51: 92 fits in 100
            [UInt8](repeating: 0x63, count: 20) + [0x0A],  // 21: would pass 100 → new frame
            [UInt8](repeating: 0x64, count: 300) + [0x0A],  // oversize: own frame
            [UInt8](repeating: 0x65, count: 10) + [0x0A],  // new frame after it
        ]
        let (summary, locations) = try writeShard(records, directory: dir.path, frameSize: 100)
        #expect(locations.map(\.frame) == [0, 0, 1, 2, 3])
        #expect(locations.map(\.offset) == [0, 41, 0, 0, 0])
        #expect(summary.frames == 4)
        let reader = try ShardReader(path: summary.path)
        #expect((0..<4).map { reader.frameSize($0) } == [92, 21, 301, 11])
    }

    @Test func zstdCommandLinePrintsTheRecords() throws {
        let dir = try TemporaryDirectory()
        let records = makeRecords(count: 300, maxLength: 200, seed: 7)
        let (summary, _) = try writeShard(records, directory: dir.path, frameSize: 2000)
        #expect(summary.frames > 5)
        let zstd = try ExternalTool.run("zstd", ["-dc", "--no-progress", summary.path])
        #expect(zstd.status == 0)
        #expect(zstd.bytes == records.flatMap { $0 })
    }

    @Test func seekTableFollowsTheSpecLayout() throws {
        let dir = try TemporaryDirectory()
        let records = makeRecords(count: 50, maxLength: 100, seed: 3)
        let (summary, _) = try writeShard(records, directory: dir.path, frameSize: 500)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: summary.path)))
        let n = summary.frames
        let tableSize = 8 + 12 * n + 9
        let table = Array(bytes.suffix(tableSize))
        func u32(_ at: Int) -> UInt32 {
            table.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
        }
        #expect(u32(0) == 0x184D_2A5E)
        #expect(Int(u32(4)) == tableSize - 8)
        #expect(Int(u32(tableSize - 9)) == n)
        #expect(table[tableSize - 5] == 0x80)
        #expect(u32(tableSize - 4) == 0x8F92_EAB1)
        let reader = try ShardReader(path: summary.path)
        for frame in 0..<n {
            let expected = UInt32(truncatingIfNeeded: XXH64.hash(try reader.frame(frame)))
            #expect(u32(8 + 12 * frame + 8) == expected)
        }
    }

    @Test func randomAccessReadsAnyRecord() throws {
        let dir = try TemporaryDirectory()
        let records = makeRecords(count: 400, maxLength: 500, seed: 11)
        let (summary, locations) = try writeShard(records, directory: dir.path, frameSize: 3000)
        let reader = try ShardReader(path: summary.path)
        var rng = SplitMix64(seed: 99)
        for _ in 0..<200 {
            let index = Int.random(in: 0..<records.count, using: &rng)
            let at = locations[index]
            #expect(try reader.record(frame: at.frame, offset: at.offset, length: at.length) == records[index])
        }
        #expect(throws: PretextError.self) { _ = try reader.record(frame: 0, offset: 0, length: 1 << 20) }
        #expect(throws: PretextError.self) { _ = try reader.frame(summary.frames) }
    }

    @Test func corruptByteIsReportedWithShardAndFrame() throws {
        let dir = try TemporaryDirectory()
        let records = makeRecords(count: 200, maxLength: 300, seed: 5)
        let (summary, _) = try writeShard(records, directory: dir.path, frameSize: 4000)
        let reader = try ShardReader(path: summary.path)
        let target = 2
        var offset = 0
        for index in 0..<target { offset += Int(reader.seekTable.entries[index].compressedSize) }
        // Flip a byte in the middle of frame 2's compressed data.
        try flipByte(summary.path, at: offset + Int(reader.seekTable.entries[target].compressedSize) / 2)
        let damaged = try ShardReader(path: summary.path)
        _ = try damaged.frame(0)
        let error = try #require(throws: PretextError.self) { _ = try damaged.frame(target) }
        #expect(error.code == .corrupt)
        #expect(error.path == summary.path)
        #expect(error.message.contains("frame \(target)"))
    }

    @Test func truncatedShardIsRejectedClearly() throws {
        let dir = try TemporaryDirectory()
        let (summary, _) = try writeShard(makeRecords(count: 100, maxLength: 100, seed: 2), directory: dir.path)
        let handle = try #require(FileHandle(forUpdatingAtPath: summary.path))
        try handle.truncate(atOffset: UInt64(summary.bytesCompressed - 5))
        try handle.close()
        let error = try #require(throws: PretextError.self) { _ = try ShardReader(path: summary.path) }
        #expect(error.code == .corrupt)
        #expect(error.message.contains("truncated"))
        #expect(error.path == summary.path)

        let tiny = dir.file("tiny.zst")
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: tiny))
        #expect(throws: PretextError.self) { _ = try ShardReader(path: tiny) }
        let missing = try #require(throws: PretextError.self) { _ = try ShardReader(path: dir.file("none.zst")) }
        #expect(missing.code == .notFound)
    }

    @Test func seekTableSizesThatDisagreeWithTheFileAreRejected() throws {
        let dir = try TemporaryDirectory()
        let (summary, _) = try writeShard(makeRecords(count: 100, maxLength: 100, seed: 4), directory: dir.path)
        // Bump the first entry's compressed size: frames no longer add up to the file.
        let tableStart = summary.bytesCompressed - (8 + 12 * summary.frames + 9)
        try flipByte(summary.path, at: tableStart + 8)
        let error = try #require(throws: PretextError.self) { _ = try ShardReader(path: summary.path) }
        #expect(error.code == .corrupt)
    }

    @Test func emptyShardHasOnlyASeekTable() throws {
        let dir = try TemporaryDirectory()
        let (summary, _) = try writeShard([], directory: dir.path)
        #expect(summary.frames == 0)
        #expect(summary.bytesCompressed == 17)
        let reader = try ShardReader(path: summary.path)
        #expect(reader.frameCount == 0)
        var seen = 0
        try reader.forEachRecord { _, _ in seen += 1 }
        #expect(seen == 0)
    }

    @Test func abandonRemovesTheTemporaryFile() throws {
        let dir = try TemporaryDirectory()
        let writer = try ShardWriter(directory: dir.path, name: "x.jsonl.zst")
        _ = try Array("a\n".utf8).withUnsafeBytes { try writer.append($0) }
        #expect(FileManager.default.fileExists(atPath: writer.temporaryPath))
        writer.abandon()
        #expect(!FileManager.default.fileExists(atPath: writer.temporaryPath))
        #expect(!FileManager.default.fileExists(atPath: writer.path))
        #expect(throws: PretextError.self) { _ = try writer.finish() }
    }
}
