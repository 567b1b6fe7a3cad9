import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

/// Reading a plain JSONL file in byte ranges (issue 15): the ranges' events, end to end, are
/// the whole file's, with the file's own line numbers, offsets and generated ids, wherever
/// the cuts fall.
@Suite struct JSONLRangeTests {
    /// Records of every kind: ids given and generated, a BOM, CRLF, blank lines, malformed
    /// and overlong lines, and a last line without a newline.
    private let content =
        "\u{FEFF}{\"text\":\"first, id from the line\"}\r\n"
        + "{\"id\":\"b\",\"text\":\"second\"}\n\n"
        + "{not json\n"
        + "{\"text\":\"" + String(repeating: "x", count: 1100) + "\"}\n"
        + "   \n{\"text\":\"fifth\"}\r\n"
        + "{\"id\":\"z\",\"text\":\"last, no newline\"}"

    private var options: IngestOptions {
        var options = IngestOptions()
        options.maxLineBytes = 1024
        return options
    }

    private func file(_ path: String) -> InputFile {
        InputFile(path: path, format: .jsonl, compression: .none, size: Int64(Array(content.utf8).count))
    }

    /// The events of the lines starting in `range`, located from `known` or the file's start.
    private func read(
        _ path: String, _ range: Range<Int64>, known: LineStart? = nil
    ) throws -> (
        [InputEvent], InputReadSummary
    ) {
        let start = try LineStart.locate(atOrAfter: range.lowerBound, in: path, from: known)
        let reader = InputReader(file: file(path), options: options, start: start, end: range.upperBound)
        var events: [InputEvent] = []
        let summary = try reader.read { events.append($0) }
        return (events.map(withoutProgress), summary)
    }

    /// `event` without the progress stamp (`fileOffset`: how far reading had got on disk,
    /// which depends on where reading started).
    private func withoutProgress(_ event: InputEvent) -> InputEvent {
        guard case .document(var document) = event else { return event }
        document.fileOffset = 0
        return .document(document)
    }

    /// The whole file's events, without progress stamps.
    private func whole(_ path: String) throws -> [InputEvent] {
        try InputReader(file: file(path), options: options).readAll().map(withoutProgress)
    }

    @Test func twoRangesCutAtEveryOffsetReadTheWholeFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("in.jsonl", content)
        let size = Int64(Array(content.utf8).count)
        let whole = try whole(path)
        #expect(whole.compactMap(\.document).count == 4 && whole.compactMap(\.reject).count == 2)
        for cut in 0...size {
            let (first, summary) = try read(path, 0..<cut)
            let (second, _) = try read(path, cut..<size)
            #expect(first + second == whole, "cut at \(cut)")
            // Where the first range stopped is where the second starts.
            let (resumed, _) = try read(path, cut..<size, known: summary.nextLineStart)
            #expect(resumed == second, "cut at \(cut), resumed")
        }
    }

    @Test func threeRangesKeepLineNumbersAndGeneratedIDs() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("in.jsonl", content)
        let size = Int64(Array(content.utf8).count)
        let whole = try whole(path)
        for cut in stride(from: Int64(1), to: size, by: 7) {
            let second = min(size, cut + 40)
            let events = try read(path, 0..<cut).0 + read(path, cut..<second).0 + read(path, second..<size).0
            #expect(events == whole, "cuts at \(cut), \(second)")
        }
        #expect(whole.compactMap(\.document).first?.id == "\(path)/0")
        #expect(whole.compactMap(\.document).map(\.line) == [1, 2, 7, 8])
    }

    @Test func aLineStartIsFoundAfterTheFirstNewlineAtOrAfterTheOffsetMinusOne() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("lines.txt", "ab\ncd\n\nef")
        #expect(try LineStart.locate(atOrAfter: 0, in: path) == LineStart(offset: 0, linesBefore: 0))
        #expect(try LineStart.locate(atOrAfter: 1, in: path) == LineStart(offset: 3, linesBefore: 1))
        #expect(try LineStart.locate(atOrAfter: 3, in: path) == LineStart(offset: 3, linesBefore: 1))
        #expect(try LineStart.locate(atOrAfter: 4, in: path) == LineStart(offset: 6, linesBefore: 2))
        #expect(try LineStart.locate(atOrAfter: 7, in: path) == LineStart(offset: 7, linesBefore: 3))
        #expect(try LineStart.locate(atOrAfter: 8, in: path) == LineStart(offset: 9, linesBefore: 3))
        #expect(
            try LineStart.locate(atOrAfter: 7, in: path, from: LineStart(offset: 3, linesBefore: 1))
                == LineStart(offset: 7, linesBefore: 3))
    }

    @Test func onlyPlainJSONLFilesAreSplittable() throws {
        let directory = try TemporaryDirectory()
        let plain = try directory.write("a.jsonl", "{\"text\":\"a\"}\n")
        let packed = try directory.write("b.jsonl", try gzip("{\"text\":\"a\"}\n"))
        #expect(InputReader.isSplittable(InputFile(path: plain, format: .jsonl, compression: .none, size: 13)))
        #expect(!InputReader.isSplittable(InputFile(path: packed, format: .jsonl, compression: .none, size: 13)))
        #expect(!InputReader.isSplittable(InputFile(path: plain, format: .text, compression: .none, size: 13)))
    }
}
