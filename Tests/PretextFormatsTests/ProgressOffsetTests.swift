import PretextTestSupport
import Testing

@testable import PretextFormats

/// Documents carry how far into the file on disk reading has got, for progress reports.
@Suite struct ProgressOffsetTests {
    @Test func documentsCarryTheFileOffsetReadSoFar() throws {
        let dir = try TemporaryDirectory()
        let text = (0..<2000).map { "{\"text\":\"document \($0)\"}\n" }.joined()
        let path = try dir.write("a.jsonl", text)
        let file = InputFile(path: path, format: .jsonl, compression: .none, size: Int64(text.utf8.count))
        let offsets = try InputReader(file: file).readAll().compactMap(\.document).map(\.fileOffset)
        #expect(offsets.count == 2000)
        #expect(offsets.allSatisfy { $0 > 0 && $0 <= Int64(text.utf8.count) })
        #expect(offsets == offsets.sorted())
    }
}
