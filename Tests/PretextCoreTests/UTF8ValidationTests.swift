import Testing

@testable import PretextCore

@Suite struct UTF8ValidationTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) }
    }

    @Test(
        arguments: [
            ([UInt8](), nil),
            (Array("hello, world — 你好 🌍".utf8), nil),
            ([0xC2, 0x80], nil),
            ([0xDF, 0xBF], nil),
            ([0xE0, 0xA0, 0x80], nil),
            ([0xED, 0x9F, 0xBF], nil),  // U+D7FF
            ([0xEE, 0x80, 0x80], nil),  // U+E000
            ([0xF0, 0x90, 0x80, 0x80], nil),
            ([0xF4, 0x8F, 0xBF, 0xBF], nil),  // U+10FFFF
            ([0x80], 0),  // stray continuation
            ([0x41, 0xBF], 1),
            ([0xC0, 0x80], 0),  // overlong NUL
            ([0xC1, 0xBF], 0),  // overlong
            ([0xE0, 0x80, 0x80], 0),  // overlong 3-byte
            ([0xE0, 0x9F, 0xBF], 0),
            ([0xF0, 0x80, 0x80, 0x80], 0),  // overlong 4-byte
            ([0xF0, 0x8F, 0xBF, 0xBF], 0),
            ([0xED, 0xA0, 0x80], 0),  // U+D800 surrogate
            ([0xED, 0xBF, 0xBF], 0),  // U+DFFF surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // U+110000
            ([0xF5, 0x80, 0x80, 0x80], 0),
            ([0xFF], 0),
            ([0xFE], 0),
            ([0x61, 0x62, 0xE4, 0xBD], 2),  // truncated at end
            ([0xE4, 0x41, 0x80], 0),  // continuation missing
            ([0xF0, 0x9F, 0x98], 0),  // truncated emoji
        ] as [([UInt8], Int?)])
    func handPickedCases(bytes: [UInt8], expected: Int?) {
        #expect(firstInvalid(bytes) == expected)
    }

    /// Every 1- and 2-byte sequence, and every 3-byte sequence with a fixed valid third byte,
    /// agrees with the standard library's decoder.
    @Test func agreesWithStandardLibraryOnShortSequences() {
        func stdlibValid(_ bytes: [UInt8]) -> Bool {
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: return true
                case .error: return false
                }
            }
        }
        for a in 0...255 {
            #expect((firstInvalid([UInt8(a)]) == nil) == stdlibValid([UInt8(a)]))
            for b in 0...255 {
                let two = [UInt8(a), UInt8(b)]
                #expect((firstInvalid(two) == nil) == stdlibValid(two))
                for c: UInt8 in [0x41, 0x80, 0xBF] where a >= 0xE0 {
                    let three = [UInt8(a), UInt8(b), c]
                    #expect((firstInvalid(three) == nil) == stdlibValid(three))
                }
            }
        }
    }

    @Test func findsTheBadByteAfterALongASCIIRun() {
        var bytes = [UInt8](repeating: 0x61, count: 1000)
        bytes[777] = 0xFF
        #expect(firstInvalid(bytes) == 777)
        bytes[777] = 0x61
        bytes.append(contentsOf: Array("é".utf8))
        #expect(firstInvalid(bytes) == nil)
    }

    @Test func countsScalars() {
        let text = "añ你好🌍 plain ascii text that is longer than eight bytes"
        #expect(UTF8Validation.scalarCount(Array(text.utf8)) == text.unicodeScalars.count)
        #expect(UTF8Validation.scalarCount([]) == 0)
    }

    @Test func cutsOnCharacterBoundaries() {
        let bytes = Array("a你b".utf8)  // a, E4 BD A0, b
        bytes.withUnsafeBytes { raw in
            #expect(UTF8Validation.boundary(atOrBefore: 2, in: raw) == 1)
            #expect(UTF8Validation.boundary(atOrBefore: 3, in: raw) == 1)
            #expect(UTF8Validation.boundary(atOrBefore: 4, in: raw) == 4)
            #expect(UTF8Validation.boundary(atOrBefore: 99, in: raw) == 5)
        }
    }

    @Test(arguments: [("", true), (" \t\r\n", true), ("\u{3000}\u{A0}\u{200B}", true), (" x ", false), ("你", false)])
    func detectsBlankText(text: String, blank: Bool) {
        #expect(UTF8Whitespace.isBlank(Array(text.utf8)) == blank)
    }
}
