import Foundation
import PretextCore
import PretextPipeline
import PretextStages
import PretextStore
import PretextTestSupport
import Testing

/// The ingest stage end to end: every input record is a document or a reject in `rejects/`
/// and `drops`, with its reason and offset (issue 12, cases 8 and 9).
@Suite struct IngestStageTests {
    /// A WET `conversion` record; `length` overrides the `Content-Length`.
    private func conversion(_ text: String, version: String = "WARC/1.0", length: Int? = nil) -> [UInt8] {
        let head = "\(version)\r\nWARC-Type: conversion\r\nContent-Length: \(length ?? text.utf8.count)\r\n\r\n"
        return Array(head.utf8) + Array(text.utf8) + Array("\r\n\r\n".utf8)
    }

    @Test func everyRecordOfAMixedWARCAndJSONLFileIsKeptOrRejected() throws {
        let directory = try TemporaryDirectory()
        let records = [
            conversion("one"), conversion("too long", length: 8 + 30), conversion("two"),
            conversion("future", version: "WARC/9.9"), conversion("three"),
        ]
        let warc = try directory.write("in/crawl.wet", records.flatMap { $0 })
        let lines = [
            #"{"id":"j1","text":"first","k":1,"k":2}"#,
            #"{"id":"s8\ud800","text":"lone id"}"#,
            #"{"id":"j3","text":"second","meta":{"m":"\udc00"}}"#,
            #"{"id":"j4","text":"third"}"#,
        ]
        let jsonl = try directory.write("in/part.jsonl", lines.joined(separator: "\n") + "\n")
        let report = try PipelineRunner().runStage(
            "ingest", options: StageOptions(), input: .files([InputSpec(path: directory.file("in"))]),
            output: directory.file("out"), settings: RunSettings(progressStyle: .silent))

        #expect(report.documentsIn == records.count + lines.count)
        #expect(report.kept == 5 && report.rejected == 4)
        #expect(report.documentsIn == report.kept + report.rejected)
        let catalog = try report.dataset.openCatalog(readOnly: true)
        let drops = try catalog.query(
            "SELECT input, reason, input_line, input_offset FROM drops ORDER BY input, input_offset"
        )
        .rows.map { $0.map(\.description) }
        let warcOffsets = [records[0].count, records[0].count + records[1].count + records[2].count]
        let lineTwo = lines[0].utf8.count + 1
        let lineThree = lineTwo + lines[1].utf8.count + 1
        #expect(
            drops == [
                [warc, "warc_length_mismatch", "NULL", "\(warcOffsets[0])"],
                [warc, "unknown_warc_version", "NULL", "\(warcOffsets[1])"],
                [jsonl, "lone_surrogate", "2", "\(lineTwo)"],
                [jsonl, "lone_surrogate", "3", "\(lineThree)"],
            ])
        let rejectRecords = try catalog.query("SELECT sum(records) FROM shards WHERE kind = 'rejects'").rows[0][0]
        #expect(rejectRecords.int == 4)
        #expect(try catalog.query("SELECT count(*) FROM documents").rows[0][0].int == 5)
        #expect(try DatasetVerifier.verify(report.dataset).isClean)
    }
}
