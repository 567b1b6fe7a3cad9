/// What a character next to a match is, for the word-boundary rules.
enum ScalarKind: UInt8, Sendable {
    /// Not part of a word: whitespace, punctuation, symbols, emoji, or no character at all
    /// (the start or end of the text).
    case other
    /// A letter or digit of a script written with spaces (Latin, Cyrillic, Greek, Arabic,
    /// Hangul…).
    case word
    /// A combining mark or a format character (soft hyphen, joiners): it belongs to the
    /// character before it, so it never starts or ends a word.
    case mark
    /// A character of a script written without spaces, which ICU segments with a
    /// dictionary: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar.
    case dictionary

    /// The kind of `scalar` (from a table for the Basic Multilingual Plane).
    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            self = ScalarKind.ascii(UInt8(truncatingIfNeeded: value))
        } else if value < 0x10000 {
            let packed = ScalarKind.basicPlane[Int(value >> 2)] >> ((value & 3) << 1)
            // Two-bit entries hold raw values 0...3, every one a case.
            self = ScalarKind(rawValue: packed & 3)!
        } else {
            self = ScalarKind.computed(scalar)
        }
    }

    /// The kind of `scalar`, computed from its block and general category.
    static func computed(_ scalar: Unicode.Scalar) -> ScalarKind {
        if scalar.value < 0x80 { return ascii(UInt8(truncatingIfNeeded: scalar.value)) }
        return isDictionary(scalar.value) ? .dictionary : byCategory(scalar)
    }

    /// The kinds of the BMP's code points, four to a byte (16 KiB, computed on first use).
    private static let basicPlane: [UInt8] = (0..<0x4000).map { index in
        var packed: UInt8 = 0
        for slot in 0..<4 {
            // Surrogate code points are not scalars: they never occur in valid UTF-8.
            guard let scalar = Unicode.Scalar(UInt32(index * 4 + slot)) else { continue }
            packed |= computed(scalar).rawValue << UInt8(slot * 2)
        }
        return packed
    }

    /// The kind of an ASCII byte: letters and digits are words, everything else is not.
    @inline(__always)
    static func ascii(_ byte: UInt8) -> ScalarKind {
        // &-: wrapping subtraction turns each range test into one unsigned comparison.
        (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 ? .word : .other
    }

    /// The kind of a non-ASCII scalar outside the dictionary scripts, from its general category.
    private static func byCategory(_ scalar: Unicode.Scalar) -> ScalarKind {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return .word
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return .mark
        case .format:
            // U+200B ZERO WIDTH SPACE separates words; other format characters (soft
            // hyphen, ZWJ, ZWNJ) are ignored inside words, as UAX #29 rule WB4 does.
            return scalar.value == 0x200B ? .other : .mark
        default:
            return .other
        }
    }

    /// Whether `value` is in a block of the scripts ICU segments with a dictionary (its word
    /// rules' `$dictionary` set: Han, Hiragana, Katakana and the South-East Asian scripts).
    static func isDictionary(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF,  // Thai, Lao
            0x1000...0x109F,  // Myanmar
            0x1780...0x17FF,  // Khmer
            0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
            // 々〆〇, Hangzhou numerals, kana repeat marks
            0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x3038...0x303C,
            0x3040...0x30FF,  // Hiragana, Katakana (with ー)
            0x31F0...0x31FF,  // Katakana phonetic extensions
            0x3400...0x4DBF,  // CJK extension A
            0x4E00...0x9FFF,  // CJK unified ideographs
            0xF900...0xFAFF,  // CJK compatibility ideographs
            0xFF66...0xFF9F,  // halfwidth Katakana
            0x20000...0x323AF:  // CJK extensions B–H, compatibility supplement
            return true
        default:
            return false
        }
    }
}
