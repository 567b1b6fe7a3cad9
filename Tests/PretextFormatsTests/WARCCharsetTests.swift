import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

/// Pages in their own charsets, from `fixtures/charsets/`: each decodes to its UTF-8 original
/// whether the charset comes from the HTTP header, the page's `<meta>`, or ICU's detector.
@Suite struct WARCCharsetTests {
    @Test(arguments: CharsetFixture.all)
    func aTextPayloadLabeledInTheHeaderDecodesToTheOriginal(_ fixture: CharsetFixture) throws {
        let block = httpResponse(
            ["Content-Type: text/plain; charset=\(fixture.name)"], try CharsetFixture.bytes("\(fixture.name).txt"))
        let (events, summary) = try readResponses([block])
        let document = try #require(events.first?.document)
        #expect(document.textString == (try fixture.source()))
        #expect(document.charset == fixture.reported)
        #expect(document.charsetSource == .header)
        #expect(summary.charsets == [fixture.reported: 1])
    }

    @Test(arguments: CharsetFixture.all)
    func aPageLabeledOnlyInTheHeaderDecodes(_ fixture: CharsetFixture) throws {
        let block = httpResponse(
            ["Content-Type: text/html; charset=\(fixture.name.uppercased())"],
            try CharsetFixture.bytes("\(fixture.name).html"))
        let document = try #require(try readResponses([block]).events.first?.document)
        #expect(document.textString == (try fixture.pageText()))
        #expect(document.charset == fixture.reported)
        #expect(document.charsetSource == .header)
    }

    @Test(arguments: CharsetFixture.all)
    func aPageLabeledOnlyByItsMetaDecodes(_ fixture: CharsetFixture) throws {
        let block = httpResponse(["Content-Type: text/html"], try CharsetFixture.bytes("\(fixture.name)-meta.html"))
        let document = try #require(try readResponses([block]).events.first?.document)
        #expect(document.textString == (try fixture.pageText()))
        #expect(document.charset == fixture.reported)
        #expect(document.charsetSource == .meta)
    }

    @Test(arguments: CharsetFixture.all)
    func anUnlabeledPageIsDetected(_ fixture: CharsetFixture) throws {
        let block = httpResponse(["Content-Type: text/html"], try CharsetFixture.bytes("\(fixture.name).html"))
        let document = try #require(try readResponses([block]).events.first?.document)
        #expect(document.textString == (try fixture.pageText()))
        #expect(document.charset == fixture.detected)
        #expect(document.charsetSource == .detected)
    }

    @Test func detectionLooksFromTheBodyOfAPageWithALongHead() throws {
        let page = try CharsetFixture.bytes("shift_jis.html")
        // 20,000 bytes of script before the page: more than the detector's sample.
        let script = Array("<script>".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 20_000)
        let block = httpResponse(["Content-Type: text/html"], script + Array("</script>".utf8) + page)
        let document = try #require(try readResponses([block]).events.first?.document)
        #expect(document.charset == "shift_jis")
        #expect(document.charsetSource == .detected)
    }

    @Test(arguments: CharsetFixture.multiByte)
    func bytesThatDoNotDecodeRejectTheRecordWithCharsetAndOffset(_ fixture: CharsetFixture) throws {
        var body = try CharsetFixture.bytes("\(fixture.name).txt")
        let at = body.firstIndex(of: UInt8(ascii: "\n"))! + 1  // after the title line
        body.insert(contentsOf: fixture.undecodable, at: at)
        for label in ["text/plain; charset=\(fixture.name)", "text/html; charset=\(fixture.name)"] {
            let (events, summary) = try readResponses([httpResponse(["Content-Type: \(label)"], body)])
            let reject = try #require(events.first?.reject)
            #expect(reject.reason == .undecodableBytes)
            #expect(reject.detail.contains("offset \(at) of the payload"), "\(reject.detail)")
            #expect(reject.detail.contains("as \(fixture.reported) (charset from the HTTP Content-Type header"))
            #expect(reject.offset == 0)  // the record's offset in the file
            #expect(!reject.raw.isEmpty)
            #expect(summary.documents == 0 && summary.charsets.isEmpty)
        }
    }

    @Test func theHeaderWinsOverTheMeta() throws {
        // The page says koi8-r; the header says windows-1251, and is believed (as browsers do).
        let body = try CharsetFixture.bytes("koi8-r-meta.html")
        let block = httpResponse(["Content-Type: text/html; charset=windows-1251"], body)
        let document = try #require(try readResponses([block]).events.first?.document)
        #expect(document.charset == "windows-1251")
        #expect(document.textString != (try CharsetFixture.all.first { $0.name == "koi8-r" }!.pageText()))
    }

    @Test func anUnknownHeaderLabelFallsThroughToTheMeta() throws {
        let block = httpResponse(
            ["Content-Type: text/html; charset=x-no-such-charset"], try CharsetFixture.bytes("big5-meta.html"))
        let document = try #require(try readResponses([block]).events.first?.document)
        #expect(document.charset == "big5")
        #expect(document.charsetSource == .meta)
    }

    @Test func labeledUTF8ThatIsNotUTF8IsRejected() throws {
        let block = httpResponse(["Content-Type: text/html; charset=utf-8"], try CharsetFixture.bytes("gbk.html"))
        let reject = try #require(try readResponses([block]).events.first?.reject)
        #expect(reject.reason == .invalidUTF8)
        #expect(reject.detail.contains("the HTTP Content-Type header"))
    }

    @Test func byteOrderMarksWin() throws {
        let text = "水曜日の朝 — naïve"
        let utf16: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let utf8: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let (events, summary) = try readResponses([
            httpResponse(["Content-Type: text/plain; charset=iso-8859-1"], utf16),
            httpResponse(["Content-Type: text/plain"], utf8),
        ])
        let documents = events.compactMap(\.document)
        #expect(documents.map(\.textString) == [text, text])
        #expect(documents.map(\.charsetSource) == [CharsetSource.bom, .bom])
        #expect(summary.charsets == ["utf-16le": 1, "utf-8": 1])
    }

    @Test func unlabeledUTF8StaysUTF8AndLatin1StillDecodes() throws {
        let (events, summary) = try readResponses([
            httpResponse(["Content-Type: text/html"], Array("<p>Grüße aus Köln</p>".utf8)),
            httpResponse(["Content-Type: text/plain"], [0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x35]),  // "café €5"
        ])
        let documents = events.compactMap(\.document)
        #expect(documents.map(\.textString) == ["Grüße aus Köln", "café €5"])
        #expect(documents[0].charsetSource == .utf8)
        // Too short for the detector to be sure: detected as Latin-1 or the Windows-1252
        // fallback, both decoded with the Windows-1252 table.
        #expect(summary.charsets.values.reduce(0, +) == 2)
    }

    @Test func documentsAreCountedPerCharset() throws {
        let blocks = try ["gbk", "gbk", "shift_jis"].map {
            httpResponse(["Content-Type: text/html; charset=\($0)"], try CharsetFixture.bytes("\($0).html"))
        }
        let (_, summary) = try readResponses(
            blocks + [httpResponse(["Content-Type: text/html"], Array("<p>hi</p>".utf8))])
        #expect(summary.charsets == ["gbk": 2, "shift_jis": 1, "utf-8": 1])
    }
}
