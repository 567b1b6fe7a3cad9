import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

@Suite struct ByteSourceTests {
    private func readAll(_ path: String) throws(ByteSourceError) -> [UInt8] {
        let source = try Compression.openSource(path: path)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 7)  // small, to exercise partial reads
        while true {
            let result = chunk.withUnsafeMutableBytes { raw in
                Result { () throws(ByteSourceError) -> Int in try source.read(into: raw) }
            }
            let n = try result.get()
            if n == 0 { return output }
            output.append(contentsOf: chunk[..<n])
        }
    }

    @Test func sniffsCompressionFromMagicBytes() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("mislabeled.jsonl", try zstd("{\"text\":\"a\"}\n"))
        #expect(try readAll(path) == Array("{\"text\":\"a\"}\n".utf8))
        #expect(Compression.sniff([0x1F, 0x8B, 8, 0]) == .gzip)
        #expect(Compression.sniff([0x50, 0x2A, 0x4D, 0x18]) == .zstd)
        #expect(Compression.sniff(Array("{\"a".utf8)) == .none)
    }

    @Test func readsMultiMemberGzip() throws {
        let dir = try TemporaryDirectory()
        let bytes = try gzip("first\n") + (try gzip("second\n")) + (try gzip("third\n")) + [0, 0, 0]
        let path = try dir.write("multi.txt.gz", bytes)
        #expect(try readAll(path) == Array("first\nsecond\nthird\n".utf8))
    }

    @Test func readsConcatenatedZstdFrames() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("frames.zst", try zstd("one\n") + (try zstd("two\n")))
        #expect(try readAll(path) == Array("one\ntwo\n".utf8))
    }

    @Test func reportsTruncatedGzipWithOffset() throws {
        let dir = try TemporaryDirectory()
        let full = try ExternalTool.compress(
            (0..<20_000).flatMap { Array("line \($0) some text\n".utf8) }, with: "gzip")
        let path = try dir.write("cut.gz", Array(full.prefix(full.count / 2)))
        #expect(throws: ByteSourceError.self) { _ = try readAll(path) }
        do { _ = try readAll(path) } catch {
            #expect(error.kind == .truncated)
            #expect(error.compressedOffset == Int64(full.count / 2))
        }
    }

    @Test func reportsCorruptZstd() throws {
        let dir = try TemporaryDirectory()
        var bytes = try zstd(String(repeating: "abcdefgh", count: 1000))
        for i in 12..<min(40, bytes.count - 4) { bytes[i] ^= 0x5A }
        let path = try dir.write("bad.zst", bytes)
        do {
            _ = try readAll(path)
            Issue.record("corrupt stream was accepted")
        } catch {
            #expect(error.kind == .corrupt || error.kind == .truncated)
        }
    }

    @Test func reportsMissingFileAsUnreadable() {
        do {
            _ = try Compression.openSource(path: "/nonexistent/file.jsonl")
            Issue.record("opened a missing file")
        } catch {
            #expect(error.kind == .unreadable)
            #expect(error.rejectReason == .unreadableFile)
        }
    }
}
