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
}
