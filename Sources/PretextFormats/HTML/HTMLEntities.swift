/// HTML character references: numeric (`&#233;`, `&#xE9;`) and the common named ones.
enum HTMLEntities {
    /// The named references decoded (the frequent ones on the web; the full HTML5 table has
    /// 2,231 names). Names are case-sensitive and need their `;`.
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "hellip": 0x2026, "mdash": 0x2014,
        "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
        "rdquo": 0x201D, "bdquo": 0x201E, "laquo": 0xAB, "raquo": 0xBB, "bull": 0x2022,
        "middot": 0xB7, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2, "sect": 0xA7,
        "para": 0xB6, "deg": 0xB0, "plusmn": 0xB1, "times": 0xD7, "divide": 0xF7, "micro": 0xB5,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "sup2": 0xB2, "sup3": 0xB3,
        "iexcl": 0xA1, "iquest": 0xBF, "shy": 0xAD, "ensp": 0x2002, "emsp": 0x2003,
        "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "dagger": 0x2020, "larr": 0x2190,
        "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "hearts": 0x2665,
        "agrave": 0xE0, "aacute": 0xE1, "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5,
        "aelig": 0xE6, "ccedil": 0xE7, "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB,
        "igrave": 0xEC, "iacute": 0xED, "icirc": 0xEE, "iuml": 0xEF, "ntilde": 0xF1, "ograve": 0xF2,
        "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6, "oslash": 0xF8, "ugrave": 0xF9,
        "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC, "yacute": 0xFD, "yuml": 0xFF, "szlig": 0xDF,
        "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2, "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5,
        "AElig": 0xC6, "Ccedil": 0xC7, "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB,
        "Iacute": 0xCD, "Ntilde": 0xD1, "Oacute": 0xD3, "Ouml": 0xD6, "Oslash": 0xD8, "Uacute": 0xDA,
        "Uuml": 0xDC, "oelig": 0x153, "OElig": 0x152, "scaron": 0x161, "Scaron": 0x160,
        "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3, "delta": 0x3B4, "pi": 0x3C0, "mu": 0x3BC,
    ]

    /// Decodes the reference at `i` (an `&`): the scalar and the offset after it, or `nil`
    /// when it is not a reference this decoder knows (the `&` is then literal text).
    /// Numeric references to 0, surrogates or values above U+10FFFF give U+FFFD; 0x80–0x9F
    /// are mapped through Windows-1252, as browsers do.
    static func decode(_ html: UnsafeRawBufferPointer, at i: Int) -> (UInt32, Int)? {
        guard i + 2 < html.count else { return nil }
        if html[i + 1] == UInt8(ascii: "#") { return numeric(html, at: i + 2) }
        var end = i + 1
        while end < html.count, end - i <= 10, HTMLScan.isLetter(html[end]) || (html[end] >= 0x30 && html[end] <= 0x39)
        {
            end += 1
        }
        guard end < html.count, html[end] == UInt8(ascii: ";"), end > i + 1 else { return nil }
        let name = String(decoding: html[(i + 1)..<end], as: UTF8.self)
        guard let scalar = named[name] else { return nil }
        return (scalar, end + 1)
    }

    private static func numeric(_ html: UnsafeRawBufferPointer, at start: Int) -> (UInt32, Int)? {
        var i = start
        let hex = i < html.count && html[i] | 0x20 == UInt8(ascii: "x")
        if hex { i += 1 }
        var value: UInt32 = 0
        let digitsStart = i
        while i < html.count, i - digitsStart < 8, let digit = digitValue(html[i], hex: hex) {
            value = value * (hex ? 16 : 10) + digit
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < html.count, html[i] == UInt8(ascii: ";") { i += 1 }
        return (sanitized(value), i)
    }

    private static func digitValue(_ b: UInt8, hex: Bool) -> UInt32? {
        if b >= 0x30, b <= 0x39 { return UInt32(b - 0x30) }
        guard hex else { return nil }
        let lower = b | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f") ? UInt32(lower - UInt8(ascii: "a") + 10) : nil
    }

    private static func sanitized(_ value: UInt32) -> UInt32 {
        switch value {
        case 0, 0xD800...0xDFFF, 0x110000...: return 0xFFFD
        case 0x80...0x9F:
            var utf8: [UInt8] = []
            withUnsafeBytes(of: UInt8(value)) { utf8 = Windows1252.decode($0) }
            return String(decoding: utf8, as: UTF8.self).unicodeScalars.first.map { $0.value } ?? 0xFFFD
        default: return value
        }
    }
}
