import Testing

@testable import PretextCore

@Suite struct JSONStringCodecTests {
    private func decode(_ token: String) throws(JSONSyntaxError) -> String {
        let bytes = Array(token.utf8)
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONSyntaxError) -> String in try JSONStringDecoder.decodeString(token: raw) }
        }
        return try result.get()
    }

    @Test func decodesEveryEscape() throws {
        #expect(try decode(#""a\"b\\c\/d\be\ff\ng\rh\ti""#) == "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti")
        #expect(try decode(#""\u00e9\u4F60\ud83d\ude00""#) == "é你😀")
        #expect(try decode(#""plain 你好""#) == "plain 你好")
    }

    @Test(arguments: [#""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, #""\ud800\n""#])
    func rejectsLoneSurrogates(token: String) {
        #expect(throws: JSONSyntaxError.self) { try decode(token) }
        do { _ = try decode(token) } catch { #expect(error.kind == .loneSurrogate) }
    }

    @Test func encodesCanonically() {
        #expect(JSONStringEncoder.quoted("a\"b\\c/d\u{1}\n\t你😀\u{7F}") == "\"a\\\"b\\\\c/d\\u0001\\n\\t你😀\u{7F}\"")
        #expect(JSONStringEncoder.quoted("") == "\"\"")
    }

    /// Property: decode(encode(s)) == s for seeded random strings mixing ASCII, controls,
    /// quotes, backslashes, Latin, CJK and emoji, at lengths around the 8-byte fast path.
    @Test func roundTripsRandomStrings() throws {
        var rng = SplitMix64(seed: 0x5EED)
        let pools: [ClosedRange<UInt32>] = [
            0x20...0x7E, 0x0...0x1F, 0x22...0x22, 0x5C...0x5C, 0xA0...0x17F, 0x4E00...0x9FFF, 0x1F300...0x1F64F,
        ]
        for _ in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 40) {
                let pool = pools[Int(rng.next() % UInt64(pools.count))]
                let value = pool.lowerBound + UInt32(rng.next() % UInt64(pool.upperBound - pool.lowerBound + 1))
                scalars.append(Unicode.Scalar(value)!)
            }
            let string = String(scalars)
            let token = JSONStringEncoder.quoted(string)
            #expect(try decode(token) == string)
            // The canonical token has a backslash exactly when the string needs escaping.
            let needsEscape = string.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
            #expect(token.utf8.contains(0x5C) == needsEscape)
        }
    }
}
