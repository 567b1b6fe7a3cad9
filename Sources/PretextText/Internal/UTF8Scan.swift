import PretextCore

/// Byte-level scans shared by the segmenter.
enum UTF8Scan {
    /// The length of the whitespace character at `i` (Unicode `White_Space`), or 0 when the
    /// character there is not whitespace.
    @inline(__always)
    static func whitespaceLength(_ s: UnsafeRawBufferPointer, at i: Int) -> Int {
        let b = s[i]
        if b < 0x80 { return b == 0x20 || (b >= 0x09 && b <= 0x0D) ? 1 : 0 }
        let count = s.count
        switch b {
        case 0xC2:  // U+0085, U+00A0
            return i + 1 < count && (s[i + 1] == 0x85 || s[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:  // U+1680
            return i + 2 < count && s[i + 1] == 0x9A && s[i + 2] == 0x80 ? 3 : 0
        case 0xE2:  // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
            guard i + 2 < count else { return 0 }
            let b1 = s[i + 1]
            let b2 = s[i + 2]
            if b1 == 0x80 { return b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3:  // U+3000
            return i + 2 < count && s[i + 1] == 0x80 && s[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// `range` without leading and trailing whitespace, or nil when nothing else is left.
    static func trimmed(_ s: UnsafeRawBufferPointer, _ range: Range<Int>) -> Range<Int>? {
        var start = range.lowerBound
        while start < range.upperBound {
            let n = whitespaceLength(s, at: start)
            if n == 0 { break }
            start += n
        }
        if start >= range.upperBound { return nil }
        var end = range.upperBound
        while end > start {
            // Step back one character: skip continuation bytes (at most 3).
            var k = end - 1
            while k > start, s[k] & 0xC0 == 0x80 { k -= 1 }
            let n = whitespaceLength(s, at: k)
            if n == 0 || k + n != end { break }
            end = k
        }
        return start..<end
    }

    /// Characters, lines and paragraphs in one pass (words and sentences stay 0).
    static func lineCounts(_ s: UnsafeRawBufferPointer) -> TextCounts {
        var counts = TextCounts()
        let count = s.count
        var continuationBytes = 0
        var lineHasText = false
        var inParagraph = false
        var lineBreaks = 0
        var i = 0
        while i < count {
            let b = s[i]  // i < count
            if b == 0x0A {
                lineBreaks += 1
                if lineHasText {
                    if !inParagraph { counts.paragraphs += 1 }
                    inParagraph = true
                } else {
                    inParagraph = false
                }
                lineHasText = false
                i += 1
                continue
            }
            if b & 0xC0 == 0x80 { continuationBytes += 1 }
            if !lineHasText {
                let n = whitespaceLength(s, at: i)
                if n == 0 {
                    lineHasText = true
                } else {
                    // Whitespace other than LF: count its continuation bytes and skip it.
                    continuationBytes += n - 1
                    i += n
                    continue
                }
            }
            i += 1
        }
        if lineHasText && !inParagraph { counts.paragraphs += 1 }
        counts.characters = count - continuationBytes
        counts.lines = lineBreaks + (count > 0 && s[count - 1] != 0x0A ? 1 : 0)
        return counts
    }
}
