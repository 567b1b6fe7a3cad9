import Foundation
import PretextTestSupport
import Testing

@testable import PretextFormats

/// The pages of `fixtures/charsets/` (written for Pretext, encoded with Python's codecs by
/// `scripts/make-charset-fixtures.py`) and what ingest must make of them.
struct CharsetFixture: CustomTestStringConvertible, Sendable {
    /// The fixture name, also the charset label written in headers and `<meta>`.
    var name: String
    /// The name ingest reports for the label (`Charset.name`).
    var reported: String
    /// The name ingest reports when ICU's detector finds the charset.
    var detected: String
    /// Bytes that do not decode in this charset.
    var undecodable: [UInt8]

    var testDescription: String { name }

    static let all = [
        CharsetFixture(name: "gbk", reported: "gbk", detected: "gb18030", undecodable: [0xFF]),
        CharsetFixture(name: "gb18030", reported: "gb18030", detected: "gb18030", undecodable: [0xFF]),
        CharsetFixture(name: "big5", reported: "big5", detected: "big5", undecodable: [0xFF]),
        CharsetFixture(name: "shift_jis", reported: "shift_jis", detected: "shift_jis", undecodable: [0xFF]),
        CharsetFixture(name: "euc-jp", reported: "euc-jp", detected: "euc-jp", undecodable: [0xFF]),
        CharsetFixture(name: "euc-kr", reported: "euc-kr", detected: "euc-kr", undecodable: [0xFD, 0x20]),
        CharsetFixture(name: "windows-1251", reported: "windows-1251", detected: "windows-1251", undecodable: []),
        CharsetFixture(name: "koi8-r", reported: "koi8-r", detected: "koi8-r", undecodable: []),
    ]

    /// The multi-byte ones, which have byte sequences that do not decode.
    static let multiByte = all.filter { !$0.undecodable.isEmpty }

    /// `fixtures/charsets/`, from this file's location.
    static let directory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PretextFormatsTests/CharsetFixtures.swift
        return parts.joined(separator: "/") + "/fixtures/charsets"
    }()

    /// A fixture file's bytes.
    static func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/" + file)))
    }

    /// The UTF-8 source text.
    func source() throws -> String { String(decoding: try Self.bytes("src/\(name).txt"), as: UTF8.self) }

    /// The text the HTML extractor gives for the page: the paragraphs (the title is in `head`).
    func pageText() throws -> String {
        let blocks = try source().trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n\n")
        return blocks.dropFirst().joined(separator: "\n\n")
    }
}

/// A WARC file of HTTP `response` records with these blocks, read whole.
func readResponses(_ blocks: [[UInt8]]) throws -> (events: [InputEvent], summary: InputReadSummary) {
    let dir = try TemporaryDirectory()
    var bytes: [UInt8] = []
    for (index, block) in blocks.enumerated() { bytes += warcRecord("response", id: "<r\(index)>", block: block) }
    let path = try dir.write("pages.warc", bytes)
    var events: [InputEvent] = []
    let summary = try InputReader(file: InputFile(path: path, format: .warc, compression: .none, size: 0)).read {
        events.append($0)
    }
    return (events, summary)
}

/// An HTTP response block around raw `body` bytes, with the given header lines.
func httpResponse(_ headers: [String], _ body: [UInt8]) -> [UInt8] {
    Array(("HTTP/1.1 200 OK\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n").utf8) + body
}
