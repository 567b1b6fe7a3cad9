import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

@Suite struct WARCReaderTests {
    @Test func readsWETConversionRecords() throws {
        let dir = try TemporaryDirectory()
        let bytes =
            warcRecord("warcinfo", id: "<urn:uuid:info>", block: Array("software: test\r\n".utf8))
            + warcRecord(
                "conversion", id: "<urn:uuid:1>", uri: "http://a.example/",
                block: Array("Page one text.\nSecond line 你好".utf8))
            + warcRecord("conversion", id: "<urn:uuid:2>", block: Array("Page two".utf8))
        let path = try dir.write("x.warc.wet.gz", try ExternalTool.compress(bytes, with: "gzip"))
        var all: [InputEvent] = []
        let summary = try InputReader(file: InputFile(path: path, format: .wet, compression: .gzip, size: 0)).read {
            all.append($0)
        }
        let docs = all.compactMap(\.document)
        #expect(docs.map(\.id) == ["<urn:uuid:1>", "<urn:uuid:2>"])
        #expect(docs[0].textString == "Page one text.\nSecond line 你好")
        #expect(docs[0].metaString == "{\"url\":\"http://a.example/\",\"date\":\"2024-01-02T03:04:05Z\"}")
        #expect(docs[0].line == nil)
        #expect(summary.skippedRecords == 1)
    }

    @Test func extractsHTMLResponsesAndSkipsTheRest() throws {
        let dir = try TemporaryDirectory()
        let html =
            "<html><head><title>T</title><style>p{}</style></head><body><p>Hello &amp; welcome</p><script>x()</script><p>Bye</p></body></html>"
        let bytes =
            warcRecord("request", id: "<r0>", block: Array("GET / HTTP/1.1\r\n\r\n".utf8))
            + warcRecord(
                "response", id: "<r1>", headers: ["Content-Type: application/http; msgtype=response"],
                block: httpBlock("text/html; charset=UTF-8", html))
            + warcRecord("response", id: "<r2>", block: httpBlock("image/png", "PNG"))
            + warcRecord("response", id: "<r3>", block: httpBlock("text/html", "<p>moved</p>", status: "301 Moved"))
            + warcRecord(
                "response", id: "<r4>",
                block: httpBlock("text/plain; charset=iso-8859-1", "caf\u{E9}").map { $0 == 0xC3 ? 0xE9 : $0 }.filter {
                    $0 != 0xA9
                })
            + warcRecord("response", id: "<r5>", block: httpBlock("text/html; charset=shift_jis", "<p>x</p>"))
            + warcRecord(
                "response", id: "<r6>",
                block: httpBlock("text/html", "<p>zipped</p>", extra: "Content-Encoding: gzip\r\n"))
            + warcRecord(
                "response", id: "<r7>", block: httpBlock("text/html", "<p>b</p>", extra: "Content-Encoding: br\r\n"))
            + warcRecord("metadata", id: "<m>", block: Array("fetchTimeMs: 1\r\n".utf8))
        let path = try dir.write("crawl.warc", bytes)
        var all: [InputEvent] = []
        let summary = try InputReader(file: InputFile(path: path, format: .warc, compression: .none, size: 0)).read {
            all.append($0)
        }
        let docs = all.compactMap(\.document)
        #expect(docs.map(\.id) == ["<r1>", "<r4>", "<r5>"])
        #expect(docs.first?.textString == "Hello & welcome\n\nBye")
        #expect(docs[1].textString == "café")
        #expect(docs.map(\.charset) == ["utf-8", "iso-8859-1", "shift_jis"])
        // r6 says gzip but is not; r7's Brotli is not supported.
        #expect(all.compactMap(\.reject).map(\.reason) == [.corruptContentEncoding, .unsupportedEncoding])
        #expect(summary.skippedRecords == 4)  // request, png, 301, metadata
    }

    @Test func resyncsAfterMalformedRecords() throws {
        let dir = try TemporaryDirectory()
        let good1 = warcRecord("conversion", id: "<a>", block: Array("alpha".utf8))
        let noLength = Array("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Record-ID: <b>\r\n\r\nbeta text\r\n\r\n".utf8)
        let garbage = Array("this is not a warc line\r\nnor this\r\n".utf8)
        let good2 = warcRecord("conversion", id: "<c>", block: Array("gamma".utf8))
        let truncated = Array("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 500\r\n\r\nshort".utf8)
        let bytes = good1 + noLength + garbage + good2 + truncated
        let path = try dir.write("m.wet", bytes)
        let all = try events(path, .wet)
        #expect(all.compactMap(\.document).map(\.textString) == ["alpha", "gamma"])
        let rejects = all.compactMap(\.reject)
        // One reject per bad record: the lines after a malformed header (its body and the
        // garbage after it) belong to that record and are skipped up to the next `WARC/` line.
        #expect(rejects.map(\.reason) == [.malformedWARC, .warcLengthMismatch])
        #expect(rejects[0].offset == Int64(good1.count))  // the record without Content-Length
        #expect(rejects[1].offset == Int64(good1.count + noLength.count + garbage.count + good2.count))
    }

    @Test func rejectsARecordWhoseContentLengthIsTooShort() throws {
        let dir = try TemporaryDirectory()
        let good1 = warcRecord("conversion", id: "<a>", block: Array("alpha".utf8))
        let short = Array("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 4\r\n\r\nbeta text\r\n\r\n".utf8)
        let good2 = warcRecord("conversion", id: "<c>", block: Array("gamma".utf8))
        let exactThenNext = Array("WARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 5\r\n\r\ndelta".utf8)
        let good3 = warcRecord("conversion", id: "<d>", block: Array("omega".utf8))
        let path = try dir.write("s.wet", good1 + short + good2 + exactThenNext + good3)
        let all = try events(path, .wet)
        #expect(all.compactMap(\.document).map(\.textString) == ["alpha", "gamma", "omega"])
        let rejects = all.compactMap(\.reject)
        #expect(rejects.map(\.reason) == [.warcLengthMismatch, .warcLengthMismatch])
        #expect(rejects[0].offset == Int64(good1.count))
        #expect(rejects[0].detail.contains("Content-Length"))
    }

    @Test func rejectsEmptyAndOversizedRecords() throws {
        let dir = try TemporaryDirectory()
        let bytes =
            warcRecord("conversion", id: "<e>", block: Array("  \n ".utf8))
            + warcRecord("conversion", id: "<big>", block: Array(String(repeating: "b", count: 5000).utf8))
            + warcRecord("conversion", id: "<ok>", block: Array("fine".utf8))
        let path = try dir.write("e.wet", bytes)
        var options = IngestOptions()
        options.maxWARCRecordBytes = 1000
        let all = try events(path, .wet, options)
        #expect(all.compactMap(\.reject).map(\.reason) == [.emptyText, .tooLarge])
        #expect(all.compactMap(\.document).map(\.id) == ["<ok>"])
    }
}
