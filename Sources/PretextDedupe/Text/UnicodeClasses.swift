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
        if value < 0x40 { return punctuationBelow64 & (1 << UInt64(value)) != 0 }
        if value < 0x80 { return punctuationBelow128 & (1 << UInt64(value - 0x40)) != 0 }
        if value < 0xA0 { return true }
        return nonASCIIPunctuation.contains(value)
    }

    /// Bit `c` set for the punctuation code points `c` < 64: controls 0–8 and 11–31, and
    /// `!"#$%&'()*+,-./:;<=>?` (checked against the characters in the tests).
    static let punctuationBelow64: UInt64 = 0xFC00_FFFE_FFFF_F9FF

    /// Bit `c − 64` set for the punctuation code points 64–127: `@[\]^_`{|}~` and DEL.
    static let punctuationBelow128: UInt64 = 0xF800_0001_F800_0001

    /// Han ideographs and Japanese kana: each is a token of its own.
    static func isCJK(_ value: UInt32) -> Bool {
        (0x3040...0x30FF).contains(value) || (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FFFF).contains(value)
    }

    static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (9...13).contains(value) }
        return has(.whitespace, value)
    }

    static func isDecimalDigit(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return has(.decimalDigit, value)
    }

    static func isNonspacingMark(_ value: UInt32) -> Bool {
        value >= 0x300 && has(.nonspacingMark, value)
    }

    static func changesWhenLowercased(_ value: UInt32) -> Bool {
        if value < 0x80 { return (0x41...0x5A).contains(value) }
        return has(.changesWhenLowercased, value)
    }

    /// Unicode properties the simplifier asks for, as bits.
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let whitespace = Flags(rawValue: 1)
        static let decimalDigit = Flags(rawValue: 2)
        static let nonspacingMark = Flags(rawValue: 4)
        static let changesWhenLowercased = Flags(rawValue: 8)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ scalar: Unicode.Scalar) {
            let properties = scalar.properties
            var flags: Flags = []
            if properties.isWhitespace { flags.insert(.whitespace) }
            if properties.numericType == .decimal { flags.insert(.decimalDigit) }
            if properties.generalCategory == .nonspacingMark { flags.insert(.nonspacingMark) }
            if properties.changesWhenLowercased { flags.insert(.changesWhenLowercased) }
            self = flags
        }
    }

    /// The flags of every BMP scalar, computed once (the standard library's property lookups
    /// cost tens of nanoseconds each; CJK text asks for several per character).
    private static let basicPlane: [Flags] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(Flags.init) ?? []
    }

    @inline(__always)
    private static func has(_ flag: Flags, _ value: UInt32) -> Bool {
        if value < 0x10000 { return basicPlane[Int(value)].contains(flag) }
        return Unicode.Scalar(value).map { Flags($0).contains(flag) } ?? false
    }
}
