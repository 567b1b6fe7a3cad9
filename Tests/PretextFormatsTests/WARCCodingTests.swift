import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

/// `body` in the chunked transfer coding, cut into chunks of the given sizes (the rest in one
/// more chunk), with a chunk extension on the first chunk and a trailer field.
private func chunked(_ body: [UInt8], sizes: [Int]) -> [UInt8] {
    var output: [UInt8] = []
    var start = 0
    for (index, size) in (sizes + [body.count]).enumerated() where start < body.count {
        let end = min(start + size, body.count)
        let extensionText = index == 0 ? ";name=value" : ""
        output += Array((String(end - start, radix: 16) + extensionText + "\r\n").utf8) + body[start..<end]
        output += Array("\r\n".utf8)
        start = end
    }
    return output + Array("0\r\nX-Trailer: yes\r\n\r\n".utf8)
}

/// HTTP bodies as wget and warcio keep them: chunked, gzip and deflate are undone before the
/// charset is decoded; broken ones are rejected with their own reason.
@Suite struct WARCCodingTests {
    let page: [UInt8]
    let text: String

    init() throws {
        page = try CharsetFixture.bytes("gbk.html")
        text = try CharsetFixture.all[0].pageText()
    }

    private func decodes(_ headers: [String], _ body: [UInt8]) throws {
        let all = ["Content-Type: text/html; charset=gbk"] + headers
        let document = try #require(try readResponses([httpResponse(all, body)]).events.first?.document)
        #expect(document.textString == text)
    }

    private func rejects(_ headers: [String], _ body: [UInt8]) throws -> InputReject {
        let all = ["Content-Type: text/html; charset=gbk"] + headers
        return try #require(try readResponses([httpResponse(all, body)]).events.first?.reject)
    }

    @Test func chunkedBodiesAreJoined() throws {
        try decodes(["Transfer-Encoding: chunked"], chunked(page, sizes: [1, 100, 7]))  // splits characters too
        try decodes(["Transfer-Encoding: chunked"], chunked(page, sizes: []))
        let bareLF = chunked(page, sizes: [50]).split(separator: 0x0D, omittingEmptySubsequences: false).joined()
        #expect(!page.contains(0x0D))
        try decodes(["Transfer-Encoding: chunked"], Array(bareLF))
    }

    @Test func gzipAndDeflateBodiesAreInflated() throws {
        let gzipped = try ExternalTool.compress(page, with: "gzip")
        try decodes(["Content-Encoding: gzip"], gzipped)
        try decodes(["Content-Encoding: x-gzip"], gzipped)
        try decodes(["Content-Encoding: deflate"], try CharsetFixture.bytes("gbk-html.zlib"))
        try decodes(["Content-Encoding: deflate"], try CharsetFixture.bytes("gbk-html.deflate"))
        try decodes(["Content-Encoding: identity, gzip"], gzipped)
        // Two gzip members, as `cat a.gz b.gz` gives.
        let half = page.count / 2
        let members =
            try ExternalTool.compress(Array(page[..<half]), with: "gzip")
            + ExternalTool.compress(Array(page[half...]), with: "gzip")
        try decodes(["Content-Encoding: gzip"], members)
    }

    @Test func gzipInsideChunkedIsUndoneInOrder() throws {
        let gzipped = try ExternalTool.compress(page, with: "gzip")
        try decodes(["Content-Encoding: gzip", "Transfer-Encoding: chunked"], chunked(gzipped, sizes: [10, 20]))
        try decodes(["Transfer-Encoding: gzip, chunked"], chunked(gzipped, sizes: [3]))
    }

    @Test func brokenChunkedBodiesAreRejected() throws {
        let good = chunked(page, sizes: [64])
        let lastChunk = "0\r\nX-Trailer: yes\r\n\r\n".utf8.count
        let cases: [([UInt8], String)] = [
            (Array("zz\r\n".utf8) + page, "the chunk size line at byte 0 is not a hexadecimal size"),
            (Array("ffff\r\n".utf8) + page, "the chunk at byte 0 has 65535 bytes but only \(page.count) remain"),
            (Array(good[..<(good.count - lastChunk)]), "without its last (zero-size) chunk"),
            (Array("2\r\nabc\r\n0\r\n\r\n".utf8), "the chunk ending at byte 5 is not followed by a line break"),
        ]
        for (body, detail) in cases {
            let reject = try rejects(["Transfer-Encoding: chunked"], body)
            #expect(reject.reason == .malformedChunkedBody)
            #expect(reject.detail.contains(detail), "\(reject.detail)")
        }
    }

    @Test func brokenCompressedBodiesAreRejected() throws {
        let gzipped = try ExternalTool.compress(page, with: "gzip")
        let truncated = try rejects(["Content-Encoding: gzip"], Array(gzipped[..<(gzipped.count / 2)]))
        #expect(truncated.reason == .corruptContentEncoding)
        #expect(truncated.detail == "the gzip-coded HTTP body ends before its stream does")
        let notGzip = try rejects(["Content-Encoding: gzip"], page)
        #expect(notGzip.reason == .corruptContentEncoding)
        #expect(notGzip.detail.hasPrefix("the gzip-coded HTTP body is corrupt near byte 0"))
        var damaged = gzipped
        damaged[20] ^= 0xFF
        damaged[21] ^= 0xFF
        #expect(try rejects(["Content-Encoding: gzip"], damaged).reason == .corruptContentEncoding)
        let trailing = try rejects(["Content-Encoding: gzip"], gzipped + Array("junk".utf8))
        #expect(trailing.reason == .corruptContentEncoding)
        let brotli = try rejects(["Content-Encoding: br"], page)
        #expect(brotli.reason == .unsupportedEncoding)
        #expect(brotli.detail == "HTTP Content-Encoding 'br' is not supported (only chunked, gzip and deflate)")
    }

    @Test func aBodyInflatingPastTheLimitIsTooLarge() throws {
        let zeros = try ExternalTool.compress([UInt8](repeating: 0x20, count: 1 << 20), with: "gzip")
        var options = IngestOptions()
        options.maxWARCRecordBytes = 1 << 16
        let dir = try TemporaryDirectory()
        let block = httpResponse(["Content-Type: text/html", "Content-Encoding: gzip"], zeros)
        let path = try dir.write("bomb.warc", warcRecord("response", id: "<b>", block: block))
        let reject = try #require(try events(path, .warc, options).first?.reject)
        #expect(reject.reason == .tooLarge)
        #expect(reject.detail.contains("max_warc_record_bytes (65536)"))
    }
}
