import Foundation
import PretextCore
import PretextTestSupport
import Testing

@testable import PretextStore

/// A seek table's sizes are untrusted: a forged entry must be refused before a buffer is sized
/// from it (issue 12, case 6: a 31 KB shard claiming 0x3FFFFFFF bytes in frame 0).
@Suite struct SeekTableClaimTests {
    /// The two 32-bit fields of a seek table entry.
    enum Field: Int {
        case compressedSize = 0
        case decompressedSize = 4
    }

    /// Overwrites one field of entry `frame` in the seek table of a shard written with
    /// checksums (12-byte entries) and `frames` frames.
    func patch(_ path: String, frames: Int, frame: Int, _ field: Field, to value: UInt32) throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let at = bytes.count - (8 + 12 * frames + 9) + 8 + 12 * frame + field.rawValue
        withUnsafeBytes(of: value.littleEndian) { bytes.replaceSubrange(at..<at + 4, with: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    /// A small shard of several frames.
    func smallShard(_ dir: TemporaryDirectory) throws -> ShardSummary {
        let (summary, _) = try writeShard(
            makeRecords(count: 200, maxLength: 300, seed: 12), directory: dir.path, frameSize: 4096)
        #expect(summary.frames > 3)
        #expect(summary.bytesCompressed < 32 * 1024)
        return summary
    }

    @Test func hugeClaimInASmallShardIsRefusedOnOpen() throws {
        let dir = try TemporaryDirectory()
        let summary = try smallShard(dir)
        try patch(summary.path, frames: summary.frames, frame: 0, .decompressedSize, to: 0x3FFF_FFFF)
        let error = try #require(throws: PretextError.self) { _ = try ShardReader(path: summary.path) }
        #expect(error.code == .corrupt)
        #expect(error.path == summary.path)
        #expect(error.message.hasPrefix("frame 0: "))
        #expect(error.message.contains("1073741823"))
        #expect(error.message.contains("more than zstd can expand"))
    }

    @Test func claimThatDisagreesWithTheFrameHeaderIsRefusedBeforeDecompressing() throws {
        let dir = try TemporaryDirectory()
        let summary = try smallShard(dir)
        let actual = try ShardReader(path: summary.path).frameSize(1)
        try patch(summary.path, frames: summary.frames, frame: 1, .decompressedSize, to: UInt32(actual + 50_000))
        let reader = try ShardReader(path: summary.path)
        _ = try reader.frame(0)
        let error = try #require(throws: PretextError.self) { _ = try reader.frame(1) }
        #expect(error.code == .corrupt)
        #expect(error.path == summary.path)
        #expect(error.message.hasPrefix("frame 1: "))
        #expect(error.message.contains("the zstd frame header says \(actual)"))
        _ = try reader.frame(2)
    }

    @Test func compressedSizesMovedBetweenFramesAreRefused() throws {
        let dir = try TemporaryDirectory()
        let summary = try smallShard(dir)
        let entries = try ShardReader(path: summary.path).seekTable.entries
        // Frame 0 gives 7 bytes to frame 1: the sizes still add up to the file's data region.
        try patch(summary.path, frames: summary.frames, frame: 0, .compressedSize, to: entries[0].compressedSize - 7)
        try patch(summary.path, frames: summary.frames, frame: 1, .compressedSize, to: entries[1].compressedSize + 7)
        let reader = try ShardReader(path: summary.path)
        for frame in [0, 1] {
            let error = try #require(throws: PretextError.self) { _ = try reader.frame(frame) }
            #expect(error.code == .corrupt)
            #expect(error.message.hasPrefix("frame \(frame): "))
        }
        _ = try reader.frame(2)
    }

    /// A hand-made zstd frame with no content size in its header: one raw block of `payload`,
    /// then `trailing` extra bytes.
    func frameWithoutContentSize(_ payload: [UInt8], trailing: Int = 0) -> [UInt8] {
        let blockHeader = UInt32(1 | (payload.count << 3))  // last block, raw, its size
        return [0x28, 0xB5, 0x2F, 0xFD, 0x00, 0x00]  // magic, no size flags, 1 KiB window
            + [UInt8(blockHeader & 0xFF), UInt8(blockHeader >> 8 & 0xFF), UInt8(blockHeader >> 16)]
            + payload + [UInt8](repeating: 0, count: trailing)
    }

    @Test func frameWithoutContentSizeIsBoundedByTheRatio() throws {
        let frame = frameWithoutContentSize(Array("hello".utf8))
        try frame.withUnsafeBytes { try ZstdFrameClaim.check(claimed: 5, frame: $0) }
        try frame.withUnsafeBytes { try ZstdFrameClaim.check(claimed: frame.count * 32768, frame: $0) }
        let error = #expect(throws: PretextError.self) {
            try frame.withUnsafeBytes { try ZstdFrameClaim.check(claimed: frame.count * 32768 + 1, frame: $0) }
        }
        #expect(error?.code == .corrupt)
        let decompressed = try frame.withUnsafeBytes { try ZstdFrameDecompressor().decompress($0, expectedSize: 5) }
        #expect(decompressed == Array("hello".utf8))
        // A claim the header cannot refute is still caught by decompression.
        #expect(throws: PretextError.self) {
            _ = try frame.withUnsafeBytes { try ZstdFrameDecompressor().decompress($0, expectedSize: 6) }
        }
    }

    @Test func frameThatDoesNotFillItsBytesIsRefused() throws {
        let frame = frameWithoutContentSize(Array("hello".utf8), trailing: 3)
        let error = #expect(throws: PretextError.self) {
            try frame.withUnsafeBytes { try ZstdFrameClaim.check(claimed: 5, frame: $0) }
        }
        #expect(error?.message.contains("takes 14 bytes, the seek table gives it 17") == true)
        let cut = Array(frame.prefix(10))
        #expect(throws: PretextError.self) {
            try cut.withUnsafeBytes { try ZstdFrameClaim.check(claimed: 5, frame: $0) }
        }
    }

    @Test func headerContentSizeMustMatch() throws {
        var frame: [UInt8] = []
        let input = [UInt8](repeating: 0x61, count: 1000)
        _ = try input.withUnsafeBytes { try ZstdFrameCompressor().compress($0, appendingTo: &frame) }
        try frame.withUnsafeBytes { try ZstdFrameClaim.check(claimed: 1000, frame: $0) }
        let error = #expect(throws: PretextError.self) {
            try frame.withUnsafeBytes { try ZstdFrameClaim.check(claimed: 999, frame: $0) }
        }
        #expect(error?.message.contains("the zstd frame header says 1000") == true)
    }
}
