/// Python `str` semantics the datatrove rules rely on, over Unicode code points.
///
/// datatrove measures lengths in code points (`len(str)`), splits lines with
/// `str.splitlines()` and strips with `str.strip()`; these helpers reproduce those exactly so
/// that thresholds compare the same numbers.
enum PythonText {
    /// `str.isspace()` for one code point (bidi class WS/B/S or category Zs).
    @inline(__always)
    static func isSpace(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) }
        switch c {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `str.isalpha()` for one code point: general category Lu, Ll, Lt, Lm or Lo.
    @inline(__always)
    static func isAlpha(_ c: UInt32) -> Bool {
        if c < 0x80 { return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// Whether the code point is in a Unicode punctuation category (P*), spaCy's `is_punct`.
    static func isPunctuationCategory(_ c: UInt32) -> Bool {
        guard let s = Unicode.Scalar(c) else { return false }
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// A line break for `str.splitlines()`: \n \r \v \f \x1c \x1d \x1e \x85 U+2028 U+2029.
    @inline(__always)
    static func isLineBreak(_ c: UInt32) -> Bool {
        if c < 0x80 { return c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C || (c >= 0x1C && c <= 0x1E) }
        return c == 0x85 || c == 0x2028 || c == 0x2029
    }

    /// The line ranges of `str.splitlines()` (no trailing empty line after a final break).
    static func splitLines(_ s: [UInt32], _ range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = start
        let end = range.upperBound
        while i < end {
            let c = s[i]
            if isLineBreak(c) {
                out.append(start..<i)
                // "\r\n" is one break.
                if c == 0x0D && i + 1 < end && s[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < end { out.append(start..<end) }
        return out
    }

    /// `str.strip()` of a range.
    @inline(__always)
    static func strip(_ s: [UInt32], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi && isSpace(s[lo]) { lo += 1 }
        while hi > lo && isSpace(s[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// `str.lower()` for the ASCII-keyword searches (lorem ipsum, javascript, policy phrases).
    ///
    /// Lowers ASCII and the two non-ASCII code points whose lowercase contains an ASCII letter
    /// (U+212A KELVIN SIGN → k; U+0130 → i + U+0307); other code points cannot produce the
    /// ASCII keywords, so they are left as they are.
    @inline(__always)
    static func lowerForKeyword(_ c: UInt32) -> UInt32 {
        if c >= 0x41 && c <= 0x5A { return c | 0x20 }
        if c == 0x212A { return 0x6B }
        return c
    }

    /// Non-overlapping count of `needle` in `s[range]` (`str.count`).
    static func count(_ needle: [UInt32], in s: [UInt32], _ range: Range<Int>) -> Int {
        guard let first = needle.first else { return 0 }
        var n = 0
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if s[i] == first {
                var j = 1
                while j < needle.count && s[i + j] == needle[j] { j += 1 }
                if j == needle.count {
                    n += 1
                    i += needle.count
                    continue
                }
            }
            i += 1
        }
        return n
    }
}
