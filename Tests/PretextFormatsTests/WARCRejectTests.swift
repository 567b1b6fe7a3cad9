import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

/// A WET `conversion` record of `text`, with its framing open to damage: another version
/// line, no `WARC-Type`, extra header lines, a `Content-Length` that is not the text's.
private func conversion(
    _ text: String, id: String, version: String = "WARC/1.0", type: String? = "conversion",
    headers: [String] = [], length: Int? = nil
) -> [UInt8] {
    var head = "\(version)\r\n"
    if let type { head += "WARC-Type: \(type)\r\n" }
    head += "WARC-Record-ID: \(id)\r\n"
    for header in headers { head += header + "\r\n" }
    head += "Content-Length: \(length ?? text.utf8.count)\r\n\r\n"
    return Array(head.utf8) + Array(text.utf8) + Array("\r\n\r\n".utf8)
}

/// Reads `bytes` as a WET file; returns the events and the summary.
private func read(_ bytes: [UInt8]) throws -> (events: [InputEvent], summary: InputReadSummary) {
    let dir = try TemporaryDirectory()
    let path = try dir.write("t.wet", bytes)
    var events: [InputEvent] = []
    let summary = try InputReader(file: InputFile(path: path, format: .wet, compression: .none, size: 0)).read {
        events.append($0)
    }
    return (events, summary)
}

/// Issue 12, case 8: WARC input that was lost without a reject of its own.
@Suite struct WARCRejectTests {
    @Test func aContentLength30BytesTooLongDoesNotSwallowTheNextRecord() throws {
        let good1 = conversion("alpha", id: "<a>")
        let long = conversion("beta", id: "<b>", length: 4 + 30)
        let good2 = conversion("gamma", id: "<c>")
        let good3 = conversion("delta", id: "<d>")
        let (events, summary) = try read(good1 + long + good2 + good3)
        #expect(events.compactMap(\.document).map(\.id) == ["<a>", "<c>", "<d>"])
        let rejects = events.compactMap(\.reject)
        #expect(rejects.map(\.reason) == [.warcLengthMismatch])
        #expect(rejects.map(\.offset) == [Int64(good1.count)])
        #expect(events.compactMap(\.document)[1].offset == Int64(good1.count + long.count))
        #expect(summary.documents + summary.rejects == 4)
    }

    @Test func aContentLengthPastTheEndOfTheFileStillReadsTheRecordsItSwallowed() throws {
        let good1 = conversion("alpha", id: "<a>")
        let long = conversion("beta", id: "<b>", length: 10_000)
        let good2 = conversion("gamma", id: "<c>")
        let good3 = conversion("delta", id: "<d>")
        let (events, summary) = try read(good1 + long + good2 + good3)
        #expect(events.compactMap(\.document).map(\.id) == ["<a>", "<c>", "<d>"])
        let reject = try #require(events.compactMap(\.reject).first)
        #expect(reject.reason == .warcLengthMismatch)
        #expect(reject.offset == Int64(good1.count))
        #expect(reject.detail.contains("the file ends"))
        #expect(summary.documents + summary.rejects == 4)
    }

    @Test func aRecordWithoutWARCTypeIsRejected() throws {
        let untyped = conversion("no type", id: "<u>", type: nil)
        let emptyType = conversion("empty type", id: "<e>", type: "")
        let good = conversion("typed", id: "<t>")
        let (events, summary) = try read(untyped + emptyType + good)
        #expect(events.compactMap(\.document).map(\.id) == ["<t>"])
        let rejects = events.compactMap(\.reject)
        #expect(rejects.map(\.reason) == [.warcMissingType, .warcMissingType])
        #expect(rejects.map(\.offset) == [0, Int64(untyped.count)])
        #expect(summary.skippedRecords == 0)
    }

    @Test func aResponseWhoseHTTPHeadersNeverEndIsRejected() throws {
        let noBlankLine = warcRecord(
            "response", id: "<r1>", block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n".utf8))
        let cutInALine = warcRecord(
            "response", id: "<r2>", block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/ht".utf8))
        let good = warcRecord("response", id: "<r3>", block: httpBlock("text/plain", "fine"))
        let (events, summary) = try read(noBlankLine + cutInALine + good)
        #expect(events.compactMap(\.document).map(\.id) == ["<r3>"])
        let rejects = events.compactMap(\.reject)
        #expect(rejects.map(\.reason) == [.unterminatedHTTPHeaders, .unterminatedHTTPHeaders])
        #expect(rejects.map(\.offset) == [0, Int64(noBlankLine.count)])
        #expect(summary.documents == 1 && summary.rejects == 2 && summary.skippedRecords == 0)
    }

    @Test func anUnknownWARCVersionIsRejected() throws {
        let future = conversion("from the future", id: "<f>", version: "WARC/9.9")
        let old = conversion("from the past", id: "<o>", version: "WARC/0.17")
        let good = conversion("now", id: "<n>", version: "WARC/1.1")
        let (events, _) = try read(future + old + good)
        #expect(events.compactMap(\.document).map(\.id) == ["<n>"])
        let rejects = events.compactMap(\.reject)
        #expect(rejects.map(\.reason) == [.unknownWARCVersion, .unknownWARCVersion])
        #expect(rejects.map(\.offset) == [0, Int64(future.count)])
    }

    @Test func duplicateHeadersAreRejected() throws {
        let twoLengths = conversion("two lengths", id: "<l>", headers: ["Content-Length: 3"])
        let twoTypes = conversion("two types", id: "<t>", headers: ["WARC-Type: response"])
        let good = conversion("single", id: "<s>")
        let (events, _) = try read(twoLengths + twoTypes + good)
        #expect(events.compactMap(\.document).map(\.id) == ["<s>"])
        let rejects = events.compactMap(\.reject)
        #expect(rejects.map(\.reason) == [.duplicateWARCHeader, .duplicateWARCHeader])
        #expect(rejects.map(\.offset) == [0, Int64(twoLengths.count)])
        #expect(rejects[0].detail.contains("Content-Length"))
        #expect(rejects[1].detail.contains("WARC-Type"))
    }

    @Test func aHeaderBlockRunningIntoTheNextRecordKeepsThatRecord() throws {
        let unended = Array("WARC/1.0\r\nWARC-Type: conversion\r\n".utf8)
        let good = conversion("after", id: "<g>")
        let (events, _) = try read(unended + good)
        #expect(events.compactMap(\.document).map(\.id) == ["<g>"])
        #expect(events.compactMap(\.document).first?.offset == Int64(unended.count))
        #expect(events.compactMap(\.reject).map(\.reason) == [.malformedWARC])
    }

    @Test func everyRecordIsADocumentASkipOrAReject() throws {
        let records: [[UInt8]] = [
            conversion("one", id: "<1>"),
            conversion("long", id: "<2>", length: 4 + 30),
            warcRecord("warcinfo", id: "<3>", block: Array("software: test\r\n".utf8)),
            conversion("no type", id: "<4>", type: nil),
            conversion("future", id: "<5>", version: "WARC/9.9"),
            warcRecord("response", id: "<6>", block: Array("HTTP/1.1 200 OK\r\nX: y".utf8)),
            conversion("two lengths", id: "<7>", headers: ["Content-Length: 1"]),
            conversion("short", id: "<8>", length: 2),
            conversion("two", id: "<9>"),
        ]
        let (events, summary) = try read(records.flatMap { $0 })
        #expect(events.compactMap(\.document).map(\.id) == ["<1>", "<9>"])
        #expect(summary.skippedRecords == 1)
        #expect(summary.documents + summary.rejects + summary.skippedRecords == records.count)
        var offsets: [Int64] = []
        var offset: Int64 = 0
        for record in records {
            offsets.append(offset)
            offset += Int64(record.count)
        }
        let rejects = events.compactMap(\.reject)
        #expect(
            rejects.map(\.reason) == [
                .warcLengthMismatch, .warcMissingType, .unknownWARCVersion, .unterminatedHTTPHeaders,
                .duplicateWARCHeader, .warcLengthMismatch,
            ])
        #expect(rejects.map(\.offset) == [1, 3, 4, 5, 6, 7].map { offsets[$0] })
    }
}
