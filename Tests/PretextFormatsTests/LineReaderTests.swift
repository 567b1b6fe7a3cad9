import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

@Suite struct LineReaderTests {
    private enum Seen: Equatable {
        case line(String, Int, Int64)
        case tooLong(Int, Int64, Int64)
    }

    private func lines(_ text: String, max: Int = 1 << 20) throws -> [Seen] {
        let dir = try TemporaryDirectory()
        let path = try dir.write("in.txt", text)
        let reader = LineReader(source: try FileByteSource(path: path), maxLineBytes: max)
        var seen: [Seen] = []
        while let event = try reader.next() {
            switch event {
            case .line(let line):
                seen.append(.line(String(decoding: line.bytes, as: UTF8.self), line.number, line.offset))
            case .tooLong(let number, let offset, let length): seen.append(.tooLong(number, offset, length))
            }
        }
        return seen
    }

    @Test func splitsLinesWithCRLFAndAFinalLineWithoutNewline() throws {
        #expect(
            try lines("a\r\nbb\n\nccc") == [.line("a", 1, 0), .line("bb", 2, 3), .line("", 3, 6), .line("ccc", 4, 7)])
        #expect(try lines("") == [])
        #expect(try lines("x\n") == [.line("x", 1, 0)])
    }

    @Test func skipsOverlongLinesAndGoesOn() throws {
        let long = String(repeating: "z", count: 100)
        #expect(
            try lines("ok\n\(long)\nafter\n", max: 10) == [
                .line("ok", 1, 0), .tooLong(2, 3, 100), .line("after", 3, 104),
            ])
        #expect(try lines("\(long)", max: 10) == [.tooLong(1, 0, 100)])
    }

    @Test func handlesLinesLongerThanTheInitialBuffer() throws {
        let big = String(repeating: "q", count: 3 << 20)
        let seen = try lines("a\n\(big)\nb", max: 4 << 20)
        #expect(seen.count == 3)
        #expect(seen.last == .line("b", 3, Int64(2 + big.utf8.count + 1)))
    }

    /// 3000 bytes fit before the read position in the buffer; 2 MiB do not (the buffer is
    /// rearranged).
    @Test(arguments: [3000, 2 << 20])
    func peeksAndPutsBytesBack(count: Int) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("in.txt", "head\r\n" + String(repeating: "b", count: count) + "\nWARC/1.0\r\ntail\n")
        let reader = LineReader(source: try FileByteSource(path: path))
        guard case .line(let head) = try reader.next() else { Issue.record("no line"); return }
        reader.unreadLine(head)
        guard case .line(let again) = try reader.next() else { Issue.record("no line"); return }
        #expect(again.number == 1 && again.offset == 0 && Array(again.bytes) == Array("head".utf8))
        #expect(Array(try reader.peek(3).prefix(3)) == Array("bbb".utf8))
        var block: [UInt8] = []
        #expect(try reader.readExactly(count + 1 + 13, into: &block) == count + 14)  // too far: into "tail"
        Array(block[1...]).withUnsafeBytes { reader.unread($0) }
        #expect(reader.offset == 7)
        guard case .line(let rest) = try reader.next() else { Issue.record("no line"); return }
        #expect(rest.offset == 7 && rest.bytes.count == count - 1)
        guard case .line(let version) = try reader.next() else { Issue.record("no line"); return }
        #expect(Array(version.bytes) == Array("WARC/1.0".utf8) && version.offset == Int64(6 + count + 1))
        guard case .line(let tail) = try reader.next() else { Issue.record("no line"); return }
        #expect(Array(tail.bytes) == Array("tail".utf8) && tail.offset == Int64(6 + count + 11))
        #expect(try reader.next() == nil)
    }
}
