/// The kind of a JSON value, as seen by `JSONScanner`.
public enum JSONValueKind: Sendable, Equatable {
    /// A string.
    case string
    /// A number.
    case number
    /// An object.
    case object
    /// An array.
    case array
    /// `true` or `false`.
    case bool
    /// `null`.
    case null
}

/// One member of a scanned JSON object: where its key and value are in the input.
public struct JSONMember: Sendable, Equatable {
    /// The decoded key's bytes in `JSONScanner.keyBytes`.
    public var key: Range<Int>
    /// The raw key token in the input, quotes included.
    public var keyToken: Range<Int>
    /// The raw value token in the input (for a string, quotes included).
    public var value: Range<Int>
    /// The kind of the value.
    public var kind: JSONValueKind
    /// For a string value: whether the raw token contains a backslash. A string without one
    /// is already in canonical form and can be copied verbatim.
    public var valueHasEscapes: Bool
}

/// A strict (RFC 8259) byte-level scanner for one JSON object, such as a JSONL line.
///
/// `scanObject` parses the whole top-level object, validating every nested value, and
/// records each top-level member's decoded key and the byte range of its raw value. It does
/// not build values: callers decode only what they need (`JSONStringDecoder`) and copy the
/// rest as raw bytes. Reuse one scanner across lines so its buffers are reused.
///
/// The input must be valid UTF-8 (validate the line first with `UTF8Validation`); the
/// scanner checks JSON syntax, plus one rule of I-JSON (RFC 7493): a `\u` escape of a lone
/// surrogate, anywhere in the object (keys, values, nested), is `.loneSurrogate`. RFC 8259
/// lets such strings through, but they have no UTF-8 form, so every scanned object decodes to
/// valid Unicode and its raw bytes can be copied into output as they are.
public struct JSONScanner: Sendable {
    /// The maximum nesting depth; the top-level object is depth 1.
    public var maxDepth: Int
    /// The members of the last scanned object, in input order.
    public private(set) var members: [JSONMember] = []
    /// The decoded keys of the last scanned object, concatenated; see `JSONMember.key`.
    public private(set) var keyBytes: [UInt8] = []
    /// After `scanObject` threw: the raw key token of the top-level member whose value held
    /// the error, or `nil` when the error was outside a member's value (in a key, or between
    /// members). Lets readers name the field of a bad value.
    public private(set) var failedMemberKey: Range<Int>?

    /// Creates a scanner.
    /// - Parameter maxDepth: the maximum nesting depth (default 128, what Python's
    ///   `json` module and most parsers allow comfortably).
    public init(maxDepth: Int = 128) {
        self.maxDepth = maxDepth
    }

    /// Parses `line` as one JSON object with optional surrounding whitespace, filling
    /// `members` and `keyBytes`.
    /// - Throws: `JSONSyntaxError` naming the problem and its byte column.
    /// - Complexity: O(n); strings are skipped 8 bytes at a time.
    public mutating func scanObject(_ line: UnsafeRawBufferPointer) throws(JSONSyntaxError) {
        members.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        failedMemberKey = nil
        guard let base = line.baseAddress else { throw JSONSyntaxError(.unexpectedEnd, at: 0) }
        var parser = JSONParser(base: base, count: line.count, maxDepth: maxDepth)
        var i = parser.skipWhitespace(0)
        guard i < line.count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
        guard line[i] == UInt8(ascii: "{") else { throw JSONSyntaxError(.notAnObject, at: i) }
        i = try scanTopLevelMembers(&parser, from: i)
        i = parser.skipWhitespace(i)
        guard i == line.count else { throw JSONSyntaxError(.trailingCharacters, at: i) }
    }

    /// The decoded key of `member` as a string.
    public func keyString(_ member: JSONMember) -> String {
        String(decoding: keyBytes[member.key], as: UTF8.self)
    }

    /// Whether `member`'s decoded key equals `name`'s UTF-8 bytes.
    public func key(_ member: JSONMember, equals name: [UInt8]) -> Bool {
        guard member.key.count == name.count else { return false }
        return keyBytes[member.key].elementsEqual(name)
    }

    /// The index of the last member whose key is `name` (later duplicates win, as in
    /// Python's `json`), or `nil`.
    public func lastIndex(ofKey name: [UInt8]) -> Int? {
        members.lastIndex { key($0, equals: name) }
    }

    /// Whether two members of the last scanned object have the same decoded key.
    ///
    /// Up to 16 members (almost every record), each key's fingerprint (length, first, middle
    /// and last byte) goes into a 32-slot open-addressing table on the stack, about 20
    /// instructions a key; only when two fingerprints match are keys compared byte by byte.
    /// Above 16 members, a hash set of the keys.
    public func hasDuplicateKeys() -> Bool {
        let count = members.count
        guard count > 1 else { return false }
        guard count <= 16 else {
            var seen = Set<ArraySlice<UInt8>>(minimumCapacity: count)
            return members.contains { !seen.insert(keyBytes[$0.key]).inserted }
        }
        let fingerprintsDiffer = keyBytes.withUnsafeBytes { keys in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { table in
                table.initialize(repeating: 0)
                for member in members {
                    let print = Self.fingerprint(member.key, in: keys) | 1 << 63  // never 0, the empty slot
                    // &*: a multiplicative hash, modulo 2^64 by design; the top 5 bits pick a slot.
                    var slot = Int(truncatingIfNeeded: (print &* 0x9E37_79B9_7F4A_7C15) >> 59)
                    while table[slot] != 0 {
                        if table[slot] == print { return false }
                        slot = (slot + 1) & 31
                    }
                    table[slot] = print
                }
                return true
            }
        }
        return !fingerprintsDiffer && hasEqualKeyBytes()
    }

    /// Whether two members' keys are equal, byte by byte (after fingerprints matched).
    private func hasEqualKeyBytes() -> Bool {
        for a in 0..<(members.count - 1) {
            for b in (a + 1)..<members.count where keyBytes[members[a].key] == keyBytes[members[b].key] {
                return true
            }
        }
        return false
    }

    /// A word that differs for keys that differ in length or in their first, middle or last
    /// byte: equal fingerprints are checked byte by byte.
    @inline(__always)
    private static func fingerprint(_ key: Range<Int>, in keys: UnsafeRawBufferPointer) -> UInt64 {
        let n = key.count
        guard n > 0 else { return 0 }
        // Safe: the three offsets lie inside `key`, which lies inside `keys`.
        return UInt64(truncatingIfNeeded: n) << 32 | UInt64(keys[key.lowerBound])
            | UInt64(keys[key.lowerBound + n / 2]) << 8 | UInt64(keys[key.upperBound - 1]) << 16
    }

    private mutating func scanTopLevelMembers(
        _ parser: inout JSONParser, from open: Int
    ) throws(JSONSyntaxError) -> Int {
        var i = parser.skipWhitespace(open + 1)
        if i < parser.count, parser.byte(i) == UInt8(ascii: "}") { return i + 1 }
        while true {
            guard i < parser.count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            guard parser.byte(i) == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(.expectedKey, at: i)
            }
            let keyToken = try parser.scanString(at: i)
            let keyStart = keyBytes.count
            try appendDecodedKey(parser, keyToken.range)
            i = try parser.expectColon(after: keyToken.range.upperBound)
            let value: JSONParser.Value
            do {
                value = try parser.scanValue(at: i, depth: 2)
            } catch {
                failedMemberKey = keyToken.range  // only on failure: nothing to store per member
                throw error
            }
            members.append(
                JSONMember(
                    key: keyStart..<keyBytes.count, keyToken: keyToken.range, value: value.range,
                    kind: value.kind, valueHasEscapes: value.hasEscapes))
            i = parser.skipWhitespace(value.range.upperBound)
            guard i < parser.count else { throw JSONSyntaxError(.unexpectedEnd, at: i) }
            let c = parser.byte(i)
            if c == UInt8(ascii: "}") { return i + 1 }
            guard c == UInt8(ascii: ",") else { throw JSONSyntaxError(.expectedCommaOrBrace, at: i) }
            i = parser.skipWhitespace(i + 1)
        }
    }

    private mutating func appendDecodedKey(
        _ parser: JSONParser, _ token: Range<Int>
    ) throws(JSONSyntaxError) {
        // Safe: token lies inside the parser's buffer (scanString returned it).
        let raw = UnsafeRawBufferPointer(
            start: parser.base + token.lowerBound, count: token.count)
        try JSONStringDecoder.appendDecoded(token: raw, to: &keyBytes, columnBase: token.lowerBound)
    }
}
