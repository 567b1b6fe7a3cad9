import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

/// Ingest of web pages in their own charsets, through the runner: the catalog's `charset`
/// columns, the step's charset counts, and rejects for bytes that do not decode.
@Suite struct IngestCharsetTests {
    /// A fixture page of `fixtures/charsets/`.
    private func fixture(_ name: String) throws -> [UInt8] {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PretextStagesTests/IngestCharsetTests.swift
        let path = parts.joined(separator: "/") + "/fixtures/charsets/" + name
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A WARC `response` record of an HTTP 200 response with these headers and body.
    private func response(_ id: String, _ headers: [String], _ body: [UInt8]) -> [UInt8] {
        let block = Array(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
        let head =
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <\(id)>\r\nWARC-Target-URI: http://\(id).example/\r\n"
            + "Content-Length: \(block.count)\r\n\r\n"
        return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
    }

    @Test func pagesInTheirOwnCharsetsAreConvertedCountedAndRejectedOnlyWhenTheyDoNotDecode() throws {
        let directory = try TemporaryDirectory()
        var broken = try fixture("big5.html")
        broken.insert(0xFF, at: 100)
        let gzipped = try ExternalTool.compress(try fixture("euc-jp.html"), with: "gzip")
        let first =
            response("gbk", ["Content-Type: text/html; charset=gbk"], try fixture("gbk.html"))
            + response("sjis", ["Content-Type: text/html"], try fixture("shift_jis-meta.html"))
            + response("broken", ["Content-Type: text/html; charset=big5"], broken)
        let second =
            response("kr", ["Content-Type: text/html"], try fixture("euc-kr.html"))
            + response(
                "jp",
                ["Content-Type: text/html; charset=euc-jp", "Content-Encoding: gzip", "Transfer-Encoding: chunked"],
                Array((String(gzipped.count, radix: 16) + "\r\n").utf8) + gzipped + Array("\r\n0\r\n\r\n".utf8))
            + response("en", ["Content-Type: text/html; charset=utf-8"], Array("<p>plain</p>".utf8))
        try directory.write("in/a.warc", first)
        try directory.write("in/b.warc", second)
        let report = try PipelineRunner().runStage(
            "ingest", options: StageOptions(), input: .files([InputSpec(path: directory.file("in"))]),
            output: directory.file("out"), settings: RunSettings(workers: 2, progressStyle: .silent))

        #expect(report.kept == 5 && report.rejected == 1)
        #expect(
            report.notes == [
                "WARC responses by charset: euc-jp 1, euc-kr 1, gbk 1, shift_jis 1, utf-8 1; 4 converted to UTF-8",
                "charset taken from: header 3, detected 1, meta 1",
            ])
        let catalog = try report.dataset.openCatalog(readOnly: true)
        let rows = try catalog.query("SELECT id, charset, charset_source FROM documents ORDER BY id").rows
        #expect(
            rows.map { $0.map(\.description) } == [
                ["<en>", "utf-8", "header"], ["<gbk>", "gbk", "header"], ["<jp>", "euc-jp", "header"],
                ["<kr>", "euc-kr", "detected"], ["<sjis>", "shift_jis", "meta"],
            ])
        let drops = try catalog.query("SELECT reason, detail FROM drops").rows.map { $0.map(\.description) }
        #expect(drops.count == 1)
        #expect(drops.first?.first == "undecodable_bytes")
        #expect(drops.first?.last.map { $0.contains("offset 100 of the payload do not decode as big5") } == true)
        #expect(try DatasetVerifier.verify(report.dataset).isClean)
        let summary = try DatasetSummary.load(report.dataset)
        #expect(summary.charsets.map(\.name) == ["euc-jp", "euc-kr", "gbk", "shift_jis", "utf-8"])
    }
}
