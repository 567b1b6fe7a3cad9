/// Writes JSON objects without duplicate keys, from members of JSON that `JSONScanner` has
/// already validated.
///
/// An object is opened with `beginObject`, filled with members (`appendMember`, or
/// `appendMembers(ofObject:)` to splice in the members of another object) and closed with
/// `endObject`. Each key is written once: for a key given more than once, **the last value
/// wins, at the place of the key's first occurrence** — what Python's `json.loads` and
/// JavaScript's `JSON.parse` make of such an object. Keys are compared decoded (`"a"` and
/// `"\u0061"` are one key). Strings, numbers and literals are copied raw; object and array
/// values are written again, compactly (no whitespace), with the same rule at every depth,
/// in one pass over their bytes.
///
/// Cost: a member costs a copy of its bytes and of its decoded key; duplicates are looked for
/// by comparing keys pairwise in objects of up to 16 keys and with a hash set above; only an
/// object that has duplicates is rewritten (one more copy of its bytes).
///
/// Every range is a byte range of the buffer `json` passed to each call, which must hold
/// JSON that `JSONScanner` accepted; the calls throw only when it does not.
public struct JSONObjectWriter: Sendable {
    /// Where an open object starts in the output, for `endObject`.
    public struct Mark: Sendable {
        fileprivate var output: Int
        fileprivate var entries: Int
        fileprivate var keys: Int
    }

    /// A member written into the output.
    private struct Entry: Sendable {
        /// The decoded key in `keys`.
        var key: Range<Int>
        /// The raw key token in the output.
        var keyToken: Range<Int>
        /// The value in the output.
        var value: Range<Int>
    }

    /// Objects with more keys than this look for duplicates with a hash set.
    private static let pairwiseLimit = 16

    /// The members of the open objects, innermost last.
    private var entries: [Entry] = []
    /// The decoded keys of `entries` (and of the member being written), innermost last.
    private var keys: [UInt8] = []
    /// The bytes of an object being rewritten without its duplicates.
    private var scratch: [UInt8] = []

    /// Creates a writer; reuse it across objects so its buffers are reused.
    public init() {}

    /// Appends `{` to `output` and opens an object.
    public mutating func beginObject(_ output: inout [UInt8]) -> Mark {
        output.append(UInt8(ascii: "{"))
        return Mark(output: output.count - 1, entries: entries.count, keys: keys.count)
    }

    /// Closes the object opened at `mark`: drops its duplicate keys and appends `}`.
    public mutating func endObject(_ mark: Mark, _ output: inout [UInt8]) {
        if hasDuplicateKeys(from: mark.entries) { rewriteWithoutDuplicates(mark, &output) }
        output.append(UInt8(ascii: "}"))
        entries.removeSubrange(mark.entries...)
        keys.removeSubrange(mark.keys...)
    }

    /// Appends a top-level member of the object that `scanner` last scanned from `json`.
    public mutating func appendMember(
        _ member: JSONMember, of scanner: JSONScanner, json: UnsafeRawBufferPointer, to output: inout [UInt8]
    ) throws(JSONSyntaxError) {
        let parser = try Self.parser(json)
        let keyStart = keys.count
        keys.append(contentsOf: scanner.keyBytes[member.key])
        let isNested = member.kind == .object || member.kind == .array
        _ = try appendMember(
            key: keyStart..<keys.count, keyToken: member.keyToken, valueAt: member.value.lowerBound,
            scalar: isNested ? nil : member.value, parser, &output)
    }

    /// Appends the members of the object whose raw token is `object` in `json`.
    public mutating func appendMembers(
        ofObject object: Range<Int>, json: UnsafeRawBufferPointer, to output: inout [UInt8]
    ) throws(JSONSyntaxError) {
        _ = try appendMembers(ofObjectAt: object.lowerBound, try Self.parser(json), &output)
    }

    // MARK: - Writing values

    /// A parser over `json`: nesting was checked when `json` was scanned, so it sets no limit.
    private static func parser(_ json: UnsafeRawBufferPointer) throws(JSONSyntaxError) -> JSONParser {
        guard let base = json.baseAddress else { throw JSONSyntaxError(.unexpectedEnd, at: 0) }
        return JSONParser(base: base, count: json.count, maxDepth: .max)
    }

    /// Writes `"key":value` (with a `,` before it unless it is the first member); returns the
    /// offset after the value in the input. `scalar`, when known, is the value's range and it
    /// is not an object or an array: it is copied without being scanned again.
    private mutating func appendMember(
        key: Range<Int>, keyToken: Range<Int>, valueAt start: Int, scalar: Range<Int>? = nil, _ parser: JSONParser,
        _ output: inout [UInt8]
    ) throws(JSONSyntaxError) -> Int {
        // The last byte is `{` only right after `beginObject`: a value never ends with `{`.
        if output.last != UInt8(ascii: "{") { output.append(UInt8(ascii: ",")) }
        let tokenStart = output.count
        append(keyToken, parser, to: &output)
        let tokenEnd = output.count
        output.append(UInt8(ascii: ":"))
        let valueStart = output.count
        let end: Int
        if let scalar {
            append(scalar, parser, to: &output)
            end = scalar.upperBound
        } else {
            end = try writeValue(at: start, parser, &output)
        }
        entries.append(Entry(key: key, keyToken: tokenStart..<tokenEnd, value: valueStart..<output.count))
        return end
    }

    /// Writes the value at `start` (not whitespace); returns the offset after it.
    private mutating func writeValue(
        at start: Int, _ parser: JSONParser, _ output: inout [UInt8]
    ) throws(JSONSyntaxError) -> Int {
        guard start < parser.count else { throw JSONSyntaxError(.unexpectedEnd, at: start) }
        switch parser.byte(start) {
        case UInt8(ascii: "{"):
            let mark = beginObject(&output)
            let end = try appendMembers(ofObjectAt: start, parser, &output)
            endObject(mark, &output)
            return end
        case UInt8(ascii: "["):
            return try writeArray(at: start, parser, &output)
        default:
            // A string, number or literal: no nesting, so the scan does not recurse.
            let value = try parser.scanValue(at: start, depth: 1)
            append(value.range, parser, to: &output)
            return value.range.upperBound
        }
    }

    /// Appends each member of the object whose `{` is at `open`; returns the offset after
    /// its `}`.
    private mutating func appendMembers(
        ofObjectAt open: Int, _ parser: JSONParser, _ output: inout [UInt8]
    ) throws(JSONSyntaxError) -> Int {
        var i = parser.skipWhitespace(open + 1)
        if i < parser.count, parser.byte(i) == UInt8(ascii: "}") { return i + 1 }
        while true {
            guard i < parser.count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            let keyToken = try parser.scanString(at: i)
            let keyStart = keys.count
            try appendDecodedKey(keyToken, parser)
            let valueStart = try parser.expectColon(after: keyToken.range.upperBound)
            let end = try appendMember(
                key: keyStart..<keys.count, keyToken: keyToken.range, valueAt: valueStart, parser, &output)
            i = parser.skipWhitespace(end)
            guard i < parser.count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            if parser.byte(i) == UInt8(ascii: "}") { return i + 1 }
            guard parser.byte(i) == UInt8(ascii: ",") else { throw JSONSyntaxError(.expectedCommaOrBrace, at: i) }
            i = parser.skipWhitespace(i + 1)
        }
    }

    /// Writes the array whose `[` is at `open`, compactly; returns the offset after its `]`.
    private mutating func writeArray(
        at open: Int, _ parser: JSONParser, _ output: inout [UInt8]
    ) throws(JSONSyntaxError) -> Int {
        output.append(UInt8(ascii: "["))
        var i = parser.skipWhitespace(open + 1)
        if i < parser.count, parser.byte(i) == UInt8(ascii: "]") {
            output.append(UInt8(ascii: "]"))
            return i + 1
        }
        while true {
            i = parser.skipWhitespace(try writeValue(at: i, parser, &output))
            guard i < parser.count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            if parser.byte(i) == UInt8(ascii: "]") {
                output.append(UInt8(ascii: "]"))
                return i + 1
            }
            guard parser.byte(i) == UInt8(ascii: ",") else { throw JSONSyntaxError(.expectedCommaOrBracket, at: i) }
            output.append(UInt8(ascii: ","))
            i = parser.skipWhitespace(i + 1)
        }
    }

    /// Appends the decoded key of the string token `token` to `keys`.
    private mutating func appendDecodedKey(_ token: JSONParser.Value, _ parser: JSONParser) throws(JSONSyntaxError) {
        // Safe: the token lies inside the parser's buffer (scanString returned it).
        let raw = UnsafeRawBufferPointer(start: parser.base + token.range.lowerBound, count: token.range.count)
        guard token.hasEscapes else {
            keys.append(contentsOf: raw.dropFirst().dropLast())  // no backslash: the key as is
            return
        }
        try JSONStringDecoder.appendDecoded(token: raw, to: &keys, columnBase: token.range.lowerBound)
    }

    /// Appends the input bytes `range` to `output`.
    private func append(_ range: Range<Int>, _ parser: JSONParser, to output: inout [UInt8]) {
        // Safe: the range lies inside the parser's buffer (the parser or the scanner found it).
        output.append(contentsOf: UnsafeRawBufferPointer(start: parser.base + range.lowerBound, count: range.count))
    }

    // MARK: - Duplicate keys

    /// Whether two members of the open object, whose first entry is `start`, share a key.
    private func hasDuplicateKeys(from start: Int) -> Bool {
        let count = entries.count - start
        guard count > 1 else { return false }
        if count <= Self.pairwiseLimit {
            for a in start..<(entries.count - 1) {
                for b in (a + 1)..<entries.count where sameKey(a, b) { return true }
            }
            return false
        }
        var seen = Set<ArraySlice<UInt8>>(minimumCapacity: count)
        return entries[start...].contains { !seen.insert(keys[$0.key]).inserted }
    }

    private func sameKey(_ a: Int, _ b: Int) -> Bool {
        let first = entries[a].key
        let second = entries[b].key
        return first.count == second.count && keys[first] == keys[second]
    }

    /// Rewrites the members of the object opened at `mark` (still without its `}`): each key
    /// once, at its first place, with the value of its last occurrence.
    private mutating func rewriteWithoutDuplicates(_ mark: Mark, _ output: inout [UInt8]) {
        let winners = winningEntries(from: mark.entries)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: output[mark.output...])
        output.removeSubrange((mark.output + 1)...)  // keeps the `{`
        for (index, winner) in winners.enumerated() {
            guard let winner else { continue }
            if output.count > mark.output + 1 { output.append(UInt8(ascii: ",")) }
            appendScratch(entries[mark.entries + index].keyToken, mark, to: &output)
            output.append(UInt8(ascii: ":"))
            appendScratch(entries[winner].value, mark, to: &output)
        }
    }

    /// For each member of the object from `start` on: the entry whose value it gets when it
    /// is its key's first occurrence (the key's last occurrence), or `nil` for a later one.
    private func winningEntries(from start: Int) -> [Int?] {
        var firstOccurrence: [ArraySlice<UInt8>: Int] = [:]
        var winners = [Int?](repeating: nil, count: entries.count - start)
        for index in start..<entries.count {
            let key = keys[entries[index].key]
            if let first = firstOccurrence[key] {
                winners[first] = index
            } else {
                firstOccurrence[key] = index - start
                winners[index - start] = index
            }
        }
        return winners
    }

    /// Appends the bytes that were at `range` of the output before the rewrite began.
    private func appendScratch(_ range: Range<Int>, _ mark: Mark, to output: inout [UInt8]) {
        output.append(contentsOf: scratch[(range.lowerBound - mark.output)..<(range.upperBound - mark.output)])
    }
}
