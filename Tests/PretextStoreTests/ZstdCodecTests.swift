import PretextCore
import Testing

@testable import PretextStore

@Suite struct ZstdCodecTests {
    @Test func roundTripsOneFrame() throws {
        let input = makeRecords(count: 200, maxLength: 300, seed: 1).flatMap { $0 }
        let compressor = try ZstdFrameCompressor()
        var output: [UInt8] = [0xAA]  // appends after existing bytes
        let size = try input.withUnsafeBytes { try compressor.compress($0, appendingTo: &output) }
        #expect(output.count == size + 1)
        #expect(size < input.count)
        let decompressor = try ZstdFrameDecompressor()
        let back = try output.withUnsafeBytes {
            try decompressor.decompress(UnsafeRawBufferPointer(rebasing: $0[1...]), expectedSize: input.count)
        }
        #expect(back == input)
    }

    @Test func refusesFramesOverTheLimit() throws {
        let input = [UInt8](repeating: 7, count: 10_000)
        var frame: [UInt8] = []
        _ = try input.withUnsafeBytes { try ZstdFrameCompressor(level: 1).compress($0, appendingTo: &frame) }
        let decompressor = try ZstdFrameDecompressor(maxFrameSize: 1000)
        #expect(throws: PretextError.self) {
            _ = try frame.withUnsafeBytes { try decompressor.decompress($0, expectedSize: 10_000) }
        }
        let wrongSize = try ZstdFrameDecompressor()
        let error = #expect(throws: PretextError.self) {
            _ = try frame.withUnsafeBytes { try wrongSize.decompress($0, expectedSize: 9_999) }
        }
        #expect(error?.code == .corrupt)
    }

    @Test func rejectsGarbage() throws {
        let garbage = [UInt8](repeating: 0x42, count: 64)
        let error = #expect(throws: PretextError.self) {
            _ = try garbage.withUnsafeBytes { try ZstdFrameDecompressor().decompress($0, expectedSize: 10) }
        }
        #expect(error?.code == .corrupt)
    }

    @Test func rejectsBadLevel() {
        #expect(throws: PretextError.self) { _ = try ZstdFrameCompressor(level: 1000) }
    }

    @Test func xxh64MatchesKnownVectors() {
        // Reference values from the xxHash project (XXH64, seed 0).
        #expect(XXH64.hash([]) == 0xEF46_DB37_51D8_E999)
        #expect(XXH64.hash(Array("abc".utf8)) == 0x44BC_2CF5_AD77_0999)
        #expect(XXH64.hex(0xAB) == "00000000000000ab")
        let hasher = XXH64Hasher()
        Array("ab".utf8).withUnsafeBytes { hasher.update($0) }
        Array("c".utf8).withUnsafeBytes { hasher.update($0) }
        #expect(hasher.digest() == XXH64.hash(Array("abc".utf8)))
    }
}
