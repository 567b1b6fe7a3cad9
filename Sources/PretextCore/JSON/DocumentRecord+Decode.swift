extension DocumentRecord {
    private static let idKey = Array("id".utf8)
    private static let textKey = Array("text".utf8)
    private static let sourceKey = Array("source".utf8)
    private static let metaKey = Array("meta".utf8)

    /// Decodes one record line (without or with its trailing newline) into a `Document`.
    ///
    /// Requires `id` and `text` strings; `source` (string) and `meta` (object) are optional
    /// and default to `""` and `{}`; other fields are ignored.
    /// - Parameter scanner: a scanner to reuse across lines.
    /// - Throws: `PretextError` with code `.malformedInput` and the byte column as `offset`;
    ///   the message never contains record text.
    public static func decode(
        _ line: UnsafeRawBufferPointer, scanner: inout JSONScanner
    ) throws(PretextError) -> Document {
        let body = withoutNewline(line)
        if let bad = UTF8Validation.firstInvalidOffset(body) {
            throw malformed("is not valid UTF-8 at byte \(bad)", at: bad)
        }
        try scan(body, with: &scanner)
        let id = try stringField(idKey, "id", in: body, scanner: scanner)
        let text = try stringField(textKey, "text", in: body, scanner: scanner)
        let source =
            scanner.lastIndex(ofKey: sourceKey) == nil
            ? "" : try stringField(sourceKey, "source", in: body, scanner: scanner)
        let meta = try metaField(in: body, scanner: scanner)
        return Document(id: id, text: text, source: source, metaJSON: meta)
    }

    /// Appends the decoded UTF-8 bytes of one record line's `text` field to `output`, without
    /// building a `Document`: for readers of records this project wrote that need the text
    /// alone. The bytes are not checked for valid UTF-8 (`decode` does that).
    /// - Throws: `PretextError` with code `.malformedInput` as `decode` does.
    public static func appendText(
        of line: UnsafeRawBufferPointer, scanner: inout JSONScanner, to output: inout [UInt8]
    ) throws(PretextError) {
        let body = withoutNewline(line)
        try scan(body, with: &scanner)
        try appendString(textKey, "text", in: body, scanner: scanner, to: &output)
    }

    /// Decodes one record line into a `Document`.
    public static func decode(_ line: [UInt8]) throws(PretextError) -> Document {
        var scanner = JSONScanner()
        let result = line.withUnsafeBytes { bytes in
            Result { () throws(PretextError) -> Document in try decode(bytes, scanner: &scanner) }
        }
        return try result.get()
    }

    private static func malformed(_ what: String, at column: Int) -> PretextError {
        PretextError(.malformedInput, "document record \(what)", offset: Int64(column))
    }

    /// `line` without its trailing newline, if any.
    private static func withoutNewline(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let last = line.last, last == UInt8(ascii: "\n") else { return line }
        return UnsafeRawBufferPointer(rebasing: line.dropLast())
    }

    /// Scans the record's top-level object into `scanner`.
    private static func scan(_ body: UnsafeRawBufferPointer, with scanner: inout JSONScanner) throws(PretextError) {
        do {
            try scanner.scanObject(body)
        } catch {
            throw malformed("is not a valid JSON object: \(error)", at: error.column)
        }
    }

    private static func stringField(
        _ name: [UInt8], _ label: String, in line: UnsafeRawBufferPointer, scanner: JSONScanner
    ) throws(PretextError) -> String {
        var bytes: [UInt8] = []
        try appendString(name, label, in: line, scanner: scanner, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the decoded bytes of the required string field `name` to `output`.
    private static func appendString(
        _ name: [UInt8], _ label: String, in line: UnsafeRawBufferPointer, scanner: JSONScanner,
        to output: inout [UInt8]
    ) throws(PretextError) {
        guard let index = scanner.lastIndex(ofKey: name) else {
            throw malformed("has no \"\(label)\" field", at: 0)
        }
        let member = scanner.members[index]
        guard member.kind == .string else {
            throw malformed("field \"\(label)\" is not a string", at: member.value.lowerBound)
        }
        let token = UnsafeRawBufferPointer(rebasing: line[member.value])
        output.reserveCapacity(output.count + token.count)
        do {
            try JSONStringDecoder.appendDecoded(token: token, to: &output, columnBase: member.value.lowerBound)
        } catch {
            throw malformed("field \"\(label)\" is not a valid string: \(error)", at: error.column)
        }
    }

    private static func metaField(
        in line: UnsafeRawBufferPointer, scanner: JSONScanner
    ) throws(PretextError) -> String {
        guard let index = scanner.lastIndex(ofKey: metaKey) else { return "{}" }
        let member = scanner.members[index]
        guard member.kind == .object else {
            throw malformed("field \"meta\" is not an object", at: member.value.lowerBound)
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: line[member.value]), as: UTF8.self)
    }
}
