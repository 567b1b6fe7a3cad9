import Testing

@testable import PretextCore

@Suite struct JSONScannerTests {
    private func scan(_ text: String, maxDepth: Int = 128) -> Result<JSONScanner, JSONSyntaxError> {
        var scanner = JSONScanner(maxDepth: maxDepth)
        let bytes = Array(text.utf8)
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) in try scanner.scanObject(raw) }
        }
        return result.map { scanner }
    }

    @Test(arguments: [
        "{}", " { } ", "{\"a\":1}", "{\"a\":-0.5e+10,\"b\":[1,2,{\"c\":null}],\"d\":true,\"e\":false}",
        "{\"\":\"\"}", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\"}", "{\"a\":[]}", "{\"a\":{}}",
        "{\"a\":0}", "{\"a\":1E5}", "{\"a\":12.34e-2}", "{\"k\":\"你好 🌍\"}",
        "\t{\"a\" : [ 1 , 2 ] }\r\n",
    ])
    func acceptsValidObjects(text: String) {
        if case .failure(let error) = scan(text) { Issue.record("rejected \(text): \(error)") }
    }

    @Test(arguments: [
        ("", JSONSyntaxError.Kind.unexpectedEnd), ("[1]", .notAnObject), ("\"s\"", .notAnObject),
        ("{", .unexpectedEnd), ("{\"a\"}", .expectedColon), ("{\"a\":}", .unexpectedCharacter),
        ("{\"a\":1,}", .expectedKey), ("{a:1}", .expectedKey), ("{\"a\":1 \"b\":2}", .expectedCommaOrBrace),
        ("{\"a\":[1 2]}", .expectedCommaOrBracket), ("{\"a\":01}", .expectedCommaOrBrace),
        ("{\"a\":1.}", .invalidNumber), ("{\"a\":-}", .invalidNumber), ("{\"a\":1e}", .invalidNumber),
        ("{\"a\":+1}", .unexpectedCharacter), ("{\"a\":tru}", .invalidLiteral), ("{\"a\":nul}", .invalidLiteral),
        ("{\"a\":\"x\\q\"}", .invalidEscape), ("{\"a\":\"\\u12g4\"}", .invalidUnicodeEscape),
        ("{\"a\":\"x\ty\"}", .controlCharacterInString), ("{\"a\":\"abc", .unexpectedEnd),
        ("{} x", .trailingCharacters), ("{}{}", .trailingCharacters), ("{\"a\":NaN}", .unexpectedCharacter),
        ("{\"a\":'x'}", .unexpectedCharacter), ("{\"a\":\"\\udc00\"}", .loneSurrogate),
        ("{\"a\":\"\\ud800\"}", .loneSurrogate), ("{\"a\":\"\\ud800\\u0041\"}", .loneSurrogate),
        ("{\"a\":\"\\ud800\\ud800\\udc00\"}", .loneSurrogate), ("{\"\\udfff\":1}", .loneSurrogate),
        ("{\"a\":{\"b\":[\"x\\uDBFFy\"]}}", .loneSurrogate), ("{\"a\":{\"\\ud800\":1}}", .loneSurrogate),
    ])
    func rejectsInvalidObjects(text: String, kind: JSONSyntaxError.Kind) {
        switch scan(text) {
        case .success: Issue.record("accepted \(text)")
        case .failure(let error): #expect(error.kind == kind, "\(text)")
        }
    }

    @Test func reportsTheColumn() throws {
        guard case .failure(let error) = scan("{\"a\":1,  \"b\" 2}") else { Issue.record("accepted"); return }
        #expect(error == JSONSyntaxError(.expectedColon, at: 13))
        #expect(error.description == "expected ':' after key at byte 13")
    }

    @Test func limitsDepth() {
        let deep = "{\"a\":" + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "}"
        #expect(throws: Never.self) { try scan(deep, maxDepth: 11).get() }
        guard case .failure(let error) = scan(deep, maxDepth: 10) else { Issue.record("accepted"); return }
        #expect(error.kind == .tooDeep)
        let hostile = "{\"a\":" + String(repeating: "[", count: 100_000)
        guard case .failure(let hostileError) = scan(hostile) else { Issue.record("accepted"); return }
        #expect(hostileError.kind == .tooDeep)
    }

    @Test func yieldsDecodedKeysAndRawValueRanges() throws {
        let text = "{\"id\": 42, \"te\\u0078t\":\"hi\\n\", \"m\":{\"x\":[1]}}"
        let scanner = try scan(text).get()
        let bytes = Array(text.utf8)
        #expect(scanner.members.map { scanner.keyString($0) } == ["id", "text", "m"])
        #expect(scanner.members.map(\.kind) == [.number, .string, .object])
        #expect(String(decoding: bytes[scanner.members[0].value], as: UTF8.self) == "42")
        #expect(String(decoding: bytes[scanner.members[1].value], as: UTF8.self) == "\"hi\\n\"")
        #expect(scanner.members[1].valueHasEscapes)
        #expect(String(decoding: bytes[scanner.members[2].value], as: UTF8.self) == "{\"x\":[1]}")
        #expect(scanner.lastIndex(ofKey: Array("text".utf8)) == 1)
    }

    @Test func namesTheMemberWhoseValueFailed() {
        var scanner = JSONScanner()
        let line = Array(#"{"a":1,"meta":{"k":["\ud800"]}}"#.utf8)
        line.withUnsafeBytes { raw in
            #expect(throws: JSONSyntaxError(.loneSurrogate, at: 21)) { try scanner.scanObject(raw) }
            #expect(scanner.failedMemberKey == 7..<13)  // "meta"
        }
        let key = Array(#"{"a":1,"\udc00":2}"#.utf8)
        key.withUnsafeBytes { raw in
            #expect(throws: JSONSyntaxError(.loneSurrogate, at: 8)) { try scanner.scanObject(raw) }
            #expect(scanner.failedMemberKey == nil)  // the error is in a key
        }
    }

    /// The scanner's check of `\u` escapes (the fast path, run on every line) against the
    /// decoder's (the plain path, run on decoded strings): every sequence of up to three
    /// escapes and plain characters is refused by both as a lone surrogate, or by neither.
    @Test func scannerAndDecoderAgreeOnSurrogates() {
        let pieces = [
            #"\u0041"#, #"\u00e9"#, #"\ud800"#, #"\udbff"#, #"\udc00"#, #"\udfff"#, #"\ud83d"#, #"\ude00"#, "x",
        ]
        var longest: [[String]] = pieces.map { [$0] }
        var sequences = longest
        for _ in 0..<2 {
            longest = longest.flatMap { sequence in pieces.map { sequence + [$0] } }
            sequences += longest
        }
        #expect(sequences.count == 9 + 81 + 729)
        for sequence in sequences {
            let token = "\"" + sequence.joined() + "\""
            let decoded = Array(token.utf8).withUnsafeBytes { raw in
                Result { () throws(JSONSyntaxError) in try JSONStringDecoder.decode(token: raw) }
            }
            let scanned = scan("{\"a\":\(token)}")
            let decoderRefuses = (try? decoded.get()) == nil
            let scannerRefuses = (try? scanned.get()) == nil
            #expect(decoderRefuses == scannerRefuses, "\(token)")
            if case .failure(let error) = scanned { #expect(error.kind == .loneSurrogate, "\(token)") }
            if case .failure(let error) = decoded { #expect(error.kind == .loneSurrogate, "\(token)") }
        }
    }
}
