/// The recursive-descent core of `JSONScanner`: validates values without building them.
///
/// Works on a raw pointer and a count that the caller keeps alive for the parser's
/// lifetime (it is only used inside `JSONScanner.scanObject`). Every load is preceded by an
/// `i < count` check.
struct JSONParser {
    let base: UnsafeRawPointer
    let count: Int
    let maxDepth: Int

    /// A scanned value: its raw range, kind, and (strings) whether it has escapes.
    struct Value {
        var range: Range<Int>
        var kind: JSONValueKind
        var hasEscapes: Bool
    }

    /// The byte at `i`; the caller guarantees `i < count`.
    @inline(__always)
    func byte(_ i: Int) -> UInt8 { base.load(fromByteOffset: i, as: UInt8.self) }

    /// The first offset at or after `i` that is not JSON whitespace (space, tab, LF, CR).
    @inline(__always)
    func skipWhitespace(_ start: Int) -> Int {
        var i = start
        while i < count {
            let c = byte(i)
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return i }
            i += 1
        }
        return i
    }

    /// Skips whitespace and a `:` after a key; returns the offset of the value.
    func expectColon(after end: Int) throws(JSONSyntaxError) -> Int {
        let i = skipWhitespace(end)
        guard i < count, byte(i) == UInt8(ascii: ":") else {
            throw JSONSyntaxError(i < count ? .expectedColon : .unexpectedEnd, at: i)
        }
        let value = skipWhitespace(i + 1)
        guard value < count else { throw JSONSyntaxError(.unexpectedEnd, at: value) }
        return value
    }

    /// Scans the value starting at `i` (not whitespace).
    func scanValue(at i: Int, depth: Int) throws(JSONSyntaxError) -> Value {
        guard i < count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
        switch byte(i) {
        case UInt8(ascii: "\""):
            return try scanString(at: i)
        case UInt8(ascii: "{"):
            return Value(range: i..<(try scanObject(at: i, depth: depth)), kind: .object, hasEscapes: false)
        case UInt8(ascii: "["):
            return Value(range: i..<(try scanArray(at: i, depth: depth)), kind: .array, hasEscapes: false)
        case UInt8(ascii: "t"):
            return Value(range: i..<(try scanLiteral(at: i, "true")), kind: .bool, hasEscapes: false)
        case UInt8(ascii: "f"):
            return Value(range: i..<(try scanLiteral(at: i, "false")), kind: .bool, hasEscapes: false)
        case UInt8(ascii: "n"):
            return Value(range: i..<(try scanLiteral(at: i, "null")), kind: .null, hasEscapes: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Value(range: i..<(try scanNumber(at: i)), kind: .number, hasEscapes: false)
        default:
            throw JSONSyntaxError(.unexpectedCharacter, at: i)
        }
    }

    /// Scans a string starting at the `"` at `start`; validates escapes and rejects raw
    /// control characters. Runs of ordinary bytes are skipped 8 at a time.
    func scanString(at start: Int) throws(JSONSyntaxError) -> Value {
        var i = start + 1
        var escaped = false
        while true {
            i = SWAR.firstJSONSpecial(base, from: i, end: count)
            guard i < count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            let c = byte(i)
            if c == UInt8(ascii: "\"") {
                return Value(range: start..<(i + 1), kind: .string, hasEscapes: escaped)
            }
            guard c == UInt8(ascii: "\\") else {
                throw JSONSyntaxError(.controlCharacterInString, at: i)
            }
            escaped = true
            i = try skipEscape(at: i)
        }
    }

    /// Validates the escape whose backslash is at `i`; returns the offset after it.
    private func skipEscape(at i: Int) throws(JSONSyntaxError) -> Int {
        guard i + 1 < count else { throw JSONSyntaxError(.unexpectedEnd, at: i + 1) }
        switch byte(i + 1) {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
            UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            return i + 2
        case UInt8(ascii: "u"):
            return try skipUnicodeEscape(at: i)
        default:
            throw JSONSyntaxError(.invalidEscape, at: i)
        }
    }

    /// Validates the `\uXXXX` escape whose backslash is at `i`, and the low surrogate escape
    /// that must follow a high surrogate; returns the offset after them.
    ///
    /// A lone surrogate (a low one alone, or a high one not followed by `\u` and a low one)
    /// is `.loneSurrogate`: RFC 8259 lets it through, but it has no UTF-8 form, so it could not
    /// be decoded or written as valid UTF-8 (RFC 7493, I-JSON, forbids it). This only runs
    /// on `\u` escapes, so strings without them cost nothing more.
    private func skipUnicodeEscape(at i: Int) throws(JSONSyntaxError) -> Int {
        let unit = try hex4(at: i)
        switch unit {
        case 0xD800...0xDBFF:
            guard i + 12 <= count, byte(i + 6) == UInt8(ascii: "\\"), byte(i + 7) == UInt8(ascii: "u") else {
                throw JSONSyntaxError(.loneSurrogate, at: i)
            }
            guard (0xDC00...0xDFFF).contains(try hex4(at: i + 6)) else {
                throw JSONSyntaxError(.loneSurrogate, at: i)
            }
            return i + 12
        case 0xDC00...0xDFFF:
            throw JSONSyntaxError(.loneSurrogate, at: i)
        default:
            return i + 6
        }
    }

    /// The value of the four hex digits of the `\u` escape whose backslash is at `i`.
    private func hex4(at i: Int) throws(JSONSyntaxError) -> UInt32 {
        guard i + 6 <= count else { throw JSONSyntaxError(.unexpectedEnd, at: count) }
        var value: UInt32 = 0
        for k in (i + 2)..<(i + 6) {
            guard let digit = JSONStringDecoder.hexValue(byte(k)) else {
                throw JSONSyntaxError(.invalidUnicodeEscape, at: i)
            }
            value = value << 4 | digit
        }
        return value
    }

    private func scanObject(at start: Int, depth: Int) throws(JSONSyntaxError) -> Int {
        guard depth <= maxDepth else { throw JSONSyntaxError(.tooDeep, at: start) }
        var i = skipWhitespace(start + 1)
        if i < count, byte(i) == UInt8(ascii: "}") { return i + 1 }
        while true {
            guard i < count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            guard byte(i) == UInt8(ascii: "\"") else { throw JSONSyntaxError(.expectedKey, at: i) }
            let key = try scanString(at: i)
            i = try expectColon(after: key.range.upperBound)
            i = skipWhitespace(try scanValue(at: i, depth: depth + 1).range.upperBound)
            guard i < count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            if byte(i) == UInt8(ascii: "}") { return i + 1 }
            guard byte(i) == UInt8(ascii: ",") else { throw JSONSyntaxError(.expectedCommaOrBrace, at: i) }
            i = skipWhitespace(i + 1)
        }
    }

    private func scanArray(at start: Int, depth: Int) throws(JSONSyntaxError) -> Int {
        guard depth <= maxDepth else { throw JSONSyntaxError(.tooDeep, at: start) }
        var i = skipWhitespace(start + 1)
        if i < count, byte(i) == UInt8(ascii: "]") { return i + 1 }
        while true {
            guard i < count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            i = skipWhitespace(try scanValue(at: i, depth: depth + 1).range.upperBound)
            guard i < count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            if byte(i) == UInt8(ascii: "]") { return i + 1 }
            guard byte(i) == UInt8(ascii: ",") else { throw JSONSyntaxError(.expectedCommaOrBracket, at: i) }
            i = skipWhitespace(i + 1)
        }
    }

    private func scanLiteral(at start: Int, _ literal: StaticString) throws(JSONSyntaxError) -> Int {
        let n = literal.utf8CodeUnitCount
        guard start + n <= count else { throw JSONSyntaxError(.invalidLiteral, at: start) }
        // Safe: StaticString's buffer has n bytes; start + n <= count was checked.
        let text = literal.utf8Start
        for k in 0..<n where byte(start + k) != text[k] {
            throw JSONSyntaxError(.invalidLiteral, at: start)
        }
        return start + n
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private func scanNumber(at start: Int) throws(JSONSyntaxError) -> Int {
        var i = start
        if byte(i) == UInt8(ascii: "-") { i += 1 }
        guard i < count, isDigit(byte(i)) else { throw JSONSyntaxError(.invalidNumber, at: start) }
        if byte(i) == UInt8(ascii: "0") {
            i += 1
        } else {
            i = skipDigits(i)
        }
        if i < count, byte(i) == UInt8(ascii: ".") {
            guard i + 1 < count, isDigit(byte(i + 1)) else { throw JSONSyntaxError(.invalidNumber, at: start) }
            i = skipDigits(i + 1)
        }
        if i < count, byte(i) | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < count, byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
            guard i < count, isDigit(byte(i)) else { throw JSONSyntaxError(.invalidNumber, at: start) }
            i = skipDigits(i)
        }
        return i
    }

    @inline(__always)
    private func isDigit(_ c: UInt8) -> Bool { c &- UInt8(ascii: "0") < 10 }

    private func skipDigits(_ start: Int) -> Int {
        var i = start
        while i < count, isDigit(byte(i)) { i += 1 }
        return i
    }
}
