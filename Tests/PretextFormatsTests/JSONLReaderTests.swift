import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

@Suite struct JSONLReaderTests {
    @Test func readsDocumentsWithIdsAndMeta() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "a.jsonl",
            """
            {"id":"doc-1","text":"Hello 你好","lang":"zh","score":0.5}
            {"text":"no id here","url":"http://x"}
            {"id":7,"text":"numeric id","meta":{"k":"v"},"tags":[1,2]}

            {"id":"e","text":"esc\\u00e9\\n\\"q\\"","metadata":{}}
            """)
        let docs = try events(path, .jsonl).compactMap(\.document)
        try #require(docs.count == 4)
        #expect(docs[0].id == "doc-1")
        #expect(docs[0].textString == "Hello 你好")
        #expect(docs[0].metaString == "{\"lang\":\"zh\",\"score\":0.5}")
        #expect(docs[0].chars == 8)
        #expect(docs[0].line == 1 && docs[0].offset == 0)
        #expect(docs[1].id == "\(path)/1")  // datatrove: path/0-based line index
        #expect(docs[1].metaString == "{\"url\":\"http://x\"}")
        #expect(docs[2].id == "7")
        #expect(docs[2].metaString == "{\"k\":\"v\",\"tags\":[1,2]}")
        #expect(docs[3].textString == "escé\n\"q\"")
        #expect(docs[3].metaString == "{}")
        #expect(docs[3].line == 5)
    }

    @Test func honoursTextAndIdKeys() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("b.jsonl", "{\"content\":\"body\",\"uid\":\"u1\",\"text\":\"other\"}\n")
        var options = IngestOptions()
        options.textKey = "content"
        options.idKey = "uid"
        let doc = try #require(try events(path, .jsonl, options).first?.document)
        #expect(doc.textString == "body")
        #expect(doc.id == "u1")
        #expect(doc.metaString == "{\"text\":\"other\"}")
    }

    @Test func rejectsEveryKindOfBadRecordAndGoesOn() throws {
        let dir = try TemporaryDirectory()
        var bytes: [UInt8] = []
        func line(_ s: String) { bytes += Array(s.utf8) + [0x0A] }
        line("{\"text\":\"ok 1\"}")
        bytes += Array("{\"text\":\"bad ".utf8) + [0xFF] + Array("\"}".utf8) + [0x0A]  // 2 invalid_utf8
        line("{\"text\":\"x\" \"y\"}")  // 3 malformed_json
        line("[\"text\"]")  // 4 malformed_json (not an object)
        line("{\"body\":\"x\"}")  // 5 missing_text
        line("{\"text\":42}")  // 6 text_not_string
        line("{\"text\":\"  \\n\\t \"}")  // 7 empty_text
        line("{\"text\":\"\(String(repeating: "l", count: 200))\"}")  // 8 too_large
        line("{\"text\":\"\(String(repeating: "w", count: 2000))\"}")  // 9 line_too_long
        line("{\"text\":\"lone \\ud800\"}")  // 10 lone_surrogate
        line("{\"text\":\"ok 2\"}")
        let path = try dir.write("bad.jsonl", bytes)
        var options = IngestOptions()
        options.maxDocumentBytes = 100
        options.maxLineBytes = 1000
        var all: [InputEvent] = []
        let summary = try InputReader(
            file: InputFile(path: path, format: .jsonl, compression: .none, size: 0), options: options
        ).read { all.append($0) }
        let rejects = all.compactMap(\.reject)
        #expect(
            rejects.map(\.reason) == [
                .invalidUTF8, .malformedJSON, .malformedJSON, .missingText, .textNotString, .emptyText, .tooLarge,
                .lineTooLong, .loneSurrogate,
            ])
        #expect(rejects.map(\.line) == [2, 3, 4, 5, 6, 7, 8, 9, 10])
        #expect(rejects[0].detail == "invalid UTF-8 at byte 13")
        #expect(rejects[1].detail == "expected ',' or '}' at byte 12")
        #expect(rejects[1].raw == Array("{\"text\":\"x\" \"y\"}".utf8))
        #expect(all.compactMap(\.document).map(\.textString) == ["ok 1", "ok 2"])
        #expect(summary.documents == 2 && summary.rejects == 9)
        for reject in rejects { #expect(!reject.detail.contains("bad")) }  // no corpus text
    }

    @Test func capsRawBytesInRejects() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("c.jsonl", "{\"nope\":\"\(String(repeating: "r", count: 500))\"}\n")
        var options = IngestOptions()
        options.rejectRawBytes = 16
        let reject = try #require(try events(path, .jsonl, options).first?.reject)
        #expect(reject.raw.count == 16)
        #expect(reject.rawLength == 511)
    }

    @Test func keepsRecordsBeforeZstdTruncation() throws {
        let dir = try TemporaryDirectory()
        let text = (0..<50_000).map { "{\"id\":\"\($0)\",\"text\":\"document number \($0) with some filler text\"}\n" }
            .joined()
        let full = try ExternalTool.compress(Array(text.utf8), with: "zstd", ["-q", "-1"])
        let cut = full.count * 2 / 3
        let path = try dir.write("cut.jsonl.zst", Array(full.prefix(cut)))
        let all = try events(path, .jsonl)
        let docs = all.compactMap(\.document)
        #expect(docs.count > 10_000 && docs.count < 50_000)
        #expect(docs.enumerated().allSatisfy { $0.element.id == "\($0.offset)" })  // in order, none lost before
        let last = try #require(all.last?.reject)
        #expect(last.reason == .truncatedInput)
        #expect(last.isFileLevel)
        #expect(last.line == nil)
        #expect(last.offset == Int64(cut))
        #expect(all.compactMap(\.reject).count == 1)
    }

    @Test func readsGzipAndStripsABOM() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write(
            "d.jsonl.gz",
            try ExternalTool.compress(
                [0xEF, 0xBB, 0xBF] + Array("{\"text\":\"bom\"}\r\n{\"text\":\"crlf\"}".utf8), with: "gzip"))
        #expect(try events(path, .jsonl).compactMap(\.document).map(\.textString) == ["bom", "crlf"])
    }

    @Test func reportsAnUnreadableFile() throws {
        let all = try events("/nonexistent/x.jsonl", .jsonl)
        #expect(all.count == 1)
        #expect(all[0].reject?.reason == .unreadableFile)
        #expect(all[0].reject?.line == nil)
    }

    @Test func encodesIngestedDocumentsAsRecords() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("e.jsonl", "{\"id\":\"a\",\"text\":\"x\\ty\",\"n\":1}\n")
        let doc = try #require(try events(path, .jsonl).first?.document)
        var output: [UInt8] = []
        doc.appendRecord(source: "e.jsonl", to: &output)
        #expect(
            String(decoding: output, as: UTF8.self)
                == "{\"id\":\"a\",\"text\":\"x\\ty\",\"source\":\"e.jsonl\",\"meta\":{\"n\":1}}\n")
        #expect(try DocumentRecord.decode(output) == doc.document(source: "e.jsonl"))
    }

    @Test func rethrowsHandlerErrors() throws {
        struct Stop: Error {}
        let dir = try TemporaryDirectory()
        let path = try dir.write("f.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")
        var seen = 0
        #expect(throws: Stop.self) {
            try InputReader(file: InputFile(path: path, format: .jsonl, compression: .none, size: 0)).read { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
    }
}
