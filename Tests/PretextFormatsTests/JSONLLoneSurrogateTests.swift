import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

/// Issue 12, case 9: `\u` escapes of lone surrogates are rejected as `lone_surrogate`,
/// wherever they are, and never reach the output.
@Suite struct JSONLLoneSurrogateTests {
    private func read(_ lines: [String]) throws -> [InputEvent] {
        let dir = try TemporaryDirectory()
        let path = try dir.write("s.jsonl", lines.joined(separator: "\n") + "\n")
        return try events(path, .jsonl)
    }

    @Test func anIdWithALoneSurrogateIsRejectedNotReplaced() throws {
        let line = #"{"id":"s8\ud800","text":"hello"}"#
        let all = try read([line, #"{"id":"s9","text":"fine"}"#])
        #expect(all.compactMap(\.document).map(\.id) == ["s9"])
        let reject = try #require(all.first?.reject)
        #expect(reject.reason == .loneSurrogate)
        #expect(reject.line == 1 && reject.offset == 0)
        #expect(reject.detail == #"unpaired surrogate in \u escape at byte 9 in field "id""#)
        #expect(reject.raw == Array(line.utf8))
    }

    @Test(arguments: [
        (#"{"text":"a\udc00b"}"#, #"in field "text""#),  // a low surrogate alone
        (#"{"text":"ok","meta":{"k":"x\ud800"}}"#, #"in field "meta""#),  // a high one at the end
        (#"{"text":"ok","meta":{"k\ud800":1}}"#, #"in field "meta""#),  // in a nested key
        (#"{"text":"ok","tags":[{"deep":["\udbff\u0041"]}]}"#, #"in field "tags""#),  // high, then not low
        (#"{"text":"ok","m":"\ud83d\ud83d\ude00"}"#, #"in field "m""#),  // high, then high
        (#"{"text":"ok","\udfff":1}"#, "in a top-level key"),
    ])
    func loneSurrogatesAnywhereAreRejectedWithTheirField(line: String, field: String) throws {
        let all = try read([line, #"{"text":"after"}"#])
        #expect(all.compactMap(\.document).map(\.textString) == ["after"])
        let reject = try #require(all.first?.reject)
        #expect(reject.reason == .loneSurrogate)
        #expect(reject.line == 1)
        #expect(reject.detail.hasSuffix(field), "\(reject.detail)")
    }

    @Test func theOutputIsValidUTF8() throws {
        let lines = [
            #"{"id":"p\ud83d\ude00","text":"pair \ud83d\ude00 \u00e9","meta":{"k":"\uD83D\uDE00"}}"#,
            #"{"id":"s8\ud800","text":"lone id"}"#,
            #"{"text":"lone meta","meta":{"k":"\ud800"}}"#,
            #"{"text":"lone key","meta":{"a":{"\udc00":1}}}"#,
            #"{"text":"lone \udfff text"}"#,
            #"{"text":"plain","n":[1,{"s":"\u0041\ud800\udc00"}]}"#,
        ]
        let all = try read(lines)
        #expect(all.compactMap(\.reject).map(\.line) == [2, 3, 4, 5])
        #expect(all.compactMap(\.document).count == 2)
        var output: [UInt8] = []
        for document in all.compactMap(\.document) { document.appendRecord(source: "s.jsonl", to: &output) }
        // The bytes: strict UTF-8 (the standard library's validator, not ours).
        #expect(String(validating: output, as: UTF8.self) != nil)
        // The escapes: every record decodes again, and `JSONScanner` refuses lone surrogates.
        for line in output.split(separator: 0x0A) {
            let record = try DocumentRecord.decode(Array(line))
            #expect(String(validating: Array(record.id.utf8), as: UTF8.self) != nil)
        }
        #expect(all.compactMap(\.document).first?.textString == "pair 😀 é")
    }
}
