/// Character classes used by the dedupe simplifier, as datatrove defines them.
enum UnicodeClasses {
    /// datatrove's `PUNCTUATION` beyond ASCII: typographic and CJK marks (and fullwidth `１`,
    /// which datatrove lists too).
    static let nonASCIIPunctuation: Set<UInt32> = [
        0x2013, 0x2014, 0x2019, 0x201C, 0x201D, 0x201E, 0x2026, 0x2236, 0x2501, 0x25BA, 0x3001, 0x3002, 0x3008,
        0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x3010, 0x3011, 0xAB, 0xB4, 0xBB, 0xFF01, 0xFF05, 0xFF08, 0xFF09,
        0xFF0C, 0xFF0E, 0xFF11, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF5E,
    ]

    /// Decimal separators datatrove accepts between two digit runs: `.` `,` `،` `٫` `⎖` `⎗` `⎘`.
    static let decimalSeparators: Set<UInt32> = [0x2E, 0x2C, 0x60C, 0x66B, 0x2396, 0x2397, 0x2398]

    /// datatrove's punctuation: ASCII punctuation, the controls 0–8, 11–31 and 127–159 (not
    /// tab and line feed), and `nonASCIIPunctuation`.
    static func isPunctuation(_ value: UInt32) -> Bool {
        if value < 0x80 { return asciiPunctuation[Int(value)] }
        if value < 0xA0 { return true }
        return nonASCIIPunctuation.contains(value)
    }

    private static let asciiPunctuation: [Bool] = (0..<128).map { value in
        if value < 9 || value == 11 || value == 12 || (13..<32).contains(value) || value == 127 { return true }
        let scalar = Unicode.Scalar(UInt8(value))
        return "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
    }

    /// Han ideographs and Japanese kana: each is a token of its own.
    static func isCJK(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }

    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (9...13).contains(value) }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

    static func isDecimalDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return Unicode.Scalar(value)?.properties.numericType == .decimal
    }

    static func isNonspacingMark(_ value: UInt32) -> Bool {
        value >= 0x300 && Unicode.Scalar(value)?.properties.generalCategory == .nonspacingMark
    }
}
