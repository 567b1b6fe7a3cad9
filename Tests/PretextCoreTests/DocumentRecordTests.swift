import Testing

@testable import PretextCore

@Suite struct DocumentRecordTests {
    @Test func encodesTheRecordLine() {
        let document = Document(id: "d1", text: "héllo\n\"world\"", source: "in.jsonl", metaJSON: "{\"lang\":\"fr\"}")
        let line = String(decoding: DocumentRecord.encode(document), as: UTF8.self)
        #expect(
            line
                == "{\"id\":\"d1\",\"text\":\"héllo\\n\\\"world\\\"\",\"source\":\"in.jsonl\",\"meta\":{\"lang\":\"fr\"}}\n"
        )
    }

    @Test func emptyMetaIsAnEmptyObject() {
        let line = String(
            decoding: DocumentRecord.encode(Document(id: "a", text: "b", source: "c", metaJSON: "")), as: UTF8.self)
        #expect(line.hasSuffix(",\"meta\":{}}\n"))
    }

    @Test func copiesCanonicalTokensVerbatim() {
        var output: [UInt8] = []
        let token = Array("\"already canonical 你好\"".utf8)
        "x".utf8.withContiguousStorageIfAvailable { _ in }
        token.withUnsafeBytes { tokenBytes in
            Array("id".utf8).withUnsafeBytes { id in
                Array("src".utf8).withUnsafeBytes { src in
                    DocumentRecord.append(
                        id: id, text: .canonicalToken(tokenBytes), source: src,
                        metaJSON: UnsafeRawBufferPointer(start: nil, count: 0), to: &output)
                }
            }
        }
        #expect(
            String(decoding: output, as: UTF8.self)
                == "{\"id\":\"id\",\"text\":\"already canonical 你好\",\"source\":\"src\",\"meta\":{}}\n")
    }

    @Test func roundTrips() throws {
        let document = Document(id: "x/1", text: "tab\there 😀 \u{0}", source: "s", metaJSON: "{\"a\":[1,{\"b\":null}]}")
        #expect(try DocumentRecord.decode(DocumentRecord.encode(document)) == document)
    }

    @Test func decodeReportsProblemsWithoutText() {
        #expect(throws: PretextError.self) { try DocumentRecord.decode(Array("{\"id\":\"a\"}".utf8)) }
        do {
            _ = try DocumentRecord.decode(Array("{\"id\":\"a\",\"text\":\"secret\" x}".utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.code == .malformedInput)
            #expect(!error.message.contains("secret"))
            #expect(error.offset == 26)
        }
    }

    @Test func rejectRecordKeepsValidUTF8AsString() {
        let record = RejectRecord(
            stage: "ingest", reason: .malformedJSON, input: "a.jsonl", line: 3, offset: 10, detail: "expected ':'",
            raw: Array("{\"a\" 1}".utf8))
        #expect(
            String(decoding: record.encoded(), as: UTF8.self)
                == "{\"stage\":\"ingest\",\"reason\":\"malformed_json\",\"input\":\"a.jsonl\",\"line\":3,\"offset\":10,\"detail\":\"expected ':'\",\"raw\":\"{\\\"a\\\" 1}\",\"raw_bytes\":7}\n"
        )
    }

    @Test func rejectRecordUsesBase64ForInvalidUTF8AndCutsToTheCap() {
        let invalid = RejectRecord(
            stage: "ingest", reason: .invalidUTF8, input: "f", line: nil, offset: 0, detail: "d",
            raw: [0x66, 0x6F, 0xFF])
        let line = String(decoding: invalid.encoded(), as: UTF8.self)
        #expect(line.contains("\"line\":null"))
        #expect(line.contains("\"raw_base64\":\"Zm//\""))
        let long = RejectRecord(
            stage: "ingest", reason: .tooLarge, input: "f", line: 1, offset: 0, detail: "d", raw: Array("ab你".utf8))
        let cut = String(decoding: long.encoded(rawCap: 4), as: UTF8.self)
        #expect(cut.contains("\"raw\":\"ab\""))  // cut before the 3-byte character, still a string
        #expect(cut.contains("\"raw_bytes\":5"))
    }

    @Test func base64MatchesRFC4648Vectors() {
        let vectors = [
            "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
            "foobar": "Zm9vYmFy",
        ]
        for (input, expected) in vectors { #expect(Base64.encode(Array(input.utf8)) == expected) }
    }
}
