import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

@Suite struct TextFileReaderTests {
    @Test func readsAWholeFileAsOneDocument() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("notes.txt", "First line.\n\nSecond paragraph 你好.\n")
        let docs = try events(path, .text).compactMap(\.document)
        #expect(docs.map(\.id) == [path])
        #expect(docs.first?.textString == "First line.\n\nSecond paragraph 你好.\n")
    }

    @Test func splitsBlocksOnBlankLines() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("b.md", "para one\r\nstill one\r\n\r\n  \npara two\n\n\nthree")
        var options = IngestOptions()
        options.textMode = .blocks
        let docs = try events(path, .text, options).compactMap(\.document)
        #expect(docs.map(\.id) == ["\(path)#0", "\(path)#1", "\(path)#2"])
        #expect(docs.map(\.textString) == ["para one\nstill one", "para two", "three"])
        #expect(docs.map(\.line) == [1, 5, 8])
    }

    @Test func rejectsInvalidUTF8EmptyAndTooLarge() throws {
        let dir = try TemporaryDirectory()
        let bad = try dir.write("bad.txt", Array("line one\nline two ".utf8) + [0xC0, 0x80])
        let empty = try dir.write("empty.txt", " \n\t\n")
        let large = try dir.write("large.txt", String(repeating: "x", count: 300))
        var options = IngestOptions()
        options.maxDocumentBytes = 100
        let badReject = try #require(try events(bad, .text, options).first?.reject)
        #expect(badReject.reason == .invalidUTF8)
        #expect(badReject.line == 2)
        #expect(badReject.offset == 18)
        #expect(try events(empty, .text, options).first?.reject?.reason == .emptyText)
        let largeReject = try #require(try events(large, .text, options).first?.reject)
        #expect(largeReject.reason == .tooLarge)
        #expect(largeReject.raw.count == 100 + 4)  // what was buffered, capped at 4096 anyway
    }

    @Test func rejectsABlockWithAnOverlongLine() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("c.txt", "ok\n\nshort\n\(String(repeating: "y", count: 50))\nmore\n\nfine")
        var options = IngestOptions()
        options.textMode = .blocks
        options.maxLineBytes = 20
        let all = try events(path, .text, options)
        #expect(all.compactMap(\.document).map(\.textString) == ["ok", "fine"])
        #expect(all.compactMap(\.reject).map(\.reason) == [.lineTooLong])
        #expect(all.compactMap(\.reject).first?.line == 4)
        #expect(all.compactMap(\.document).last?.id == "\(path)#2")
    }
}
