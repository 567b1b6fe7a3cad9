import PretextCore

/// Reads JSONL records: one JSON object per line.
///
/// Per line: UTF-8 validation, a strict JSON scan (a lone surrogate escape anywhere is a
/// `lone_surrogate` reject naming the top-level field), then the text field (`textKey`) is
/// decoded (copied verbatim when it has no escapes), the id taken from `idKey` (a string,
/// or a number's text; otherwise generated as `path/lineIndex`, datatrove's convention with
/// a 0-based line index), and every other member written into `metaJSON`. A `meta` or
/// `metadata` member holding an object is spliced into `metaJSON` (datatrove merges
/// `metadata` the same way), so re-ingesting Pretext's own records does not nest `meta`.
/// Duplicate keys: the last one wins, for `text`, the id and `meta`/`metadata` at the top
/// level and in `metaJSON` at every depth (`JSONObjectWriter`), so the output has none.
/// Blank lines are skipped and counted.
struct JSONLReader {
    let options: IngestOptions
    let path: String
    private let textKey: [UInt8]
    private let idKey: [UInt8]
    private var scanner: JSONScanner
    private var text: [UInt8] = []
    private var meta: [UInt8] = []
    private var metaWriter = JSONObjectWriter()
    /// Tests set this to build every `meta` with `JSONObjectWriter`, to compare it with the
    /// raw copy of the fast path.
    var alwaysWritesMeta = false

    init(options: IngestOptions, path: String) {
        self.options = options
        self.path = path
        textKey = Array(options.textKey.utf8)
        idKey = Array(options.idKey.utf8)
        scanner = JSONScanner(maxDepth: options.maxJSONDepth)
    }

    mutating func run(_ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void) throws {
        while let event = try lines.next() {
            switch event {
            case .tooLong(let number, let offset, let length):
                try emitter.reject(
                    .lineTooLong, line: number, offset: offset,
                    detail: "line of \(length) bytes is longer than max_line_bytes (\(options.maxLineBytes))", to: body)
            case .line(let line):
                var bytes = line.bytes
                if line.number == 1 { bytes = TextBytes.droppingBOM(bytes) }
                if TextBytes.isASCIIBlank(bytes) {
                    emitter.summary.blankLines += 1
                    continue
                }
                try record(bytes, line: line, &emitter, body)
            }
        }
    }

    private mutating func record(
        _ bytes: UnsafeRawBufferPointer, line: LineReader.Line, _ emitter: inout InputEmitter,
        _ body: (InputEvent) throws -> Void
    ) throws {
        func reject(_ reason: RejectReason, _ detail: String) throws {
            try emitter.reject(reason, line: line.number, offset: line.offset, detail: detail, raw: bytes, to: body)
        }
        if let bad = UTF8Validation.firstInvalidOffset(bytes) {
            return try reject(.invalidUTF8, "invalid UTF-8 at byte \(bad)")
        }
        do {
            try scanner.scanObject(bytes)
        } catch {
            guard error.kind == .loneSurrogate else { return try reject(.malformedJSON, error.description) }
            return try reject(.loneSurrogate, "\(error.description) \(failedField(in: bytes))")
        }
        guard let textIndex = scanner.lastIndex(ofKey: textKey) else {
            return try reject(.missingText, "no \"\(options.textKey)\" field")
        }
        let textMember = scanner.members[textIndex]
        guard textMember.kind == .string else {
            return try reject(.textNotString, "\"\(options.textKey)\" is a \(textMember.kind), not a string")
        }
        // The decoded text is never longer than the token's content, so this bound is safe
        // to check before decoding; the exact size is checked after.
        guard textMember.value.count - 2 <= options.maxDocumentBytes || textMember.valueHasEscapes else {
            return try reject(
                .tooLarge,
                "text of \(textMember.value.count - 2) bytes is larger than max_document_bytes (\(options.maxDocumentBytes))"
            )
        }
        text.removeAll(keepingCapacity: true)
        do {
            try decodeText(textMember, in: bytes)
        } catch {
            return try reject(.malformedJSON, "\"\(options.textKey)\": \(error.description)")
        }
        guard text.count <= options.maxDocumentBytes else {
            return try reject(
                .tooLarge, "text of \(text.count) bytes is larger than max_document_bytes (\(options.maxDocumentBytes))"
            )
        }
        guard !UTF8Whitespace.isBlank(text) else {
            return try reject(.emptyText, "\"\(options.textKey)\" is empty or whitespace only")
        }
        let (id, idIndex) = try documentID(in: bytes, line: line)
        do {
            try buildMeta(in: bytes, excluding: textIndex, idIndex)
        } catch {
            return try reject(.malformedJSON, error.description)  // not reached: the line was scanned
        }
        let document = IngestedDocument(
            id: id, text: text, metaJSON: meta, chars: UTF8Validation.scalarCount(text),
            line: line.number, offset: line.offset)
        try emitter.document(document, to: body)
    }

    private mutating func decodeText(_ member: JSONMember, in bytes: UnsafeRawBufferPointer) throws(JSONSyntaxError) {
        let token = UnsafeRawBufferPointer(rebasing: bytes[member.value])
        if member.valueHasEscapes {
            try JSONStringDecoder.appendDecoded(token: token, to: &text, columnBase: member.value.lowerBound)
        } else {
            // No backslash: the content between the quotes is the text itself.
            text.append(contentsOf: UnsafeRawBufferPointer(rebasing: token.dropFirst().dropLast()))
        }
    }

    /// The id and the index of the member it came from (nil when generated).
    private func documentID(in bytes: UnsafeRawBufferPointer, line: LineReader.Line) throws -> (String, Int?) {
        if let index = scanner.lastIndex(ofKey: idKey) {
            let member = scanner.members[index]
            let token = UnsafeRawBufferPointer(rebasing: bytes[member.value])
            if member.kind == .string, let id = try? JSONStringDecoder.decodeString(token: token), !id.isEmpty {
                return (id, index)
            }
            if member.kind == .number { return (String(decoding: token, as: UTF8.self), index) }
        }
        return ("\(path)/\(line.number - 1)", nil)
    }

    /// Builds `meta` from every member but the text and the id (when used), splicing the
    /// members of a `meta`/`metadata` object, without duplicate keys (the last one wins).
    ///
    /// Fast path: when every member is a string, number or literal and no key repeats (most
    /// records), there is nothing to splice or rewrite, and the members are copied raw (they
    /// are valid JSON already). Otherwise `JSONObjectWriter` writes them. Both give the same
    /// bytes for the records the fast path takes (tested).
    private mutating func buildMeta(
        in bytes: UnsafeRawBufferPointer, excluding textIndex: Int, _ idIndex: Int?
    ) throws(JSONSyntaxError) {
        meta.removeAll(keepingCapacity: true)
        if !alwaysWritesMeta, isFlatWithoutDuplicates() {
            copyMeta(in: bytes, excluding: textIndex, idIndex)
        } else {
            try writeMeta(in: bytes, idUsed: idIndex != nil)
        }
    }

    /// Whether every top-level member is a string, number or literal, each key once.
    private func isFlatWithoutDuplicates() -> Bool {
        !scanner.members.contains { $0.kind == .object || $0.kind == .array } && !scanner.hasDuplicateKeys()
    }

    /// The fast path of `buildMeta`: every member but the text and the id, copied raw.
    private mutating func copyMeta(in bytes: UnsafeRawBufferPointer, excluding textIndex: Int, _ idIndex: Int?) {
        meta.append(UInt8(ascii: "{"))
        for (index, member) in scanner.members.enumerated() where index != textIndex && index != idIndex {
            if meta.count > 1 { meta.append(UInt8(ascii: ",")) }
            meta.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[member.keyToken]))
            meta.append(UInt8(ascii: ":"))
            meta.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[member.value]))
        }
        meta.append(UInt8(ascii: "}"))
    }

    /// The general path of `buildMeta`, through `JSONObjectWriter`.
    private mutating func writeMeta(in bytes: UnsafeRawBufferPointer, idUsed: Bool) throws(JSONSyntaxError) {
        let object = metaWriter.beginObject(&meta)
        for (index, member) in scanner.members.enumerated() where isMeta(member, at: index, idUsed: idUsed) {
            if member.kind == .object, isSplicedKey(member) {
                try metaWriter.appendMembers(ofObject: member.value, json: bytes, to: &meta)
            } else {
                try metaWriter.appendMember(member, of: scanner, json: bytes, to: &meta)
            }
        }
        metaWriter.endObject(object, &meta)
    }

    /// Whether a top-level member goes into `meta`: not the text, not the id when it was
    /// used, and not a `meta`/`metadata` member followed by another with the same key (only
    /// the last one counts, as for any duplicate key).
    private func isMeta(_ member: JSONMember, at index: Int, idUsed: Bool) -> Bool {
        if scanner.key(member, equals: textKey) { return false }
        if idUsed, scanner.key(member, equals: idKey) { return false }
        guard let spliced = JSONLReader.splicedKeys.first(where: { scanner.key(member, equals: $0) }) else {
            return true
        }
        return scanner.lastIndex(ofKey: spliced) == index
    }

    private static let splicedKeys: [[UInt8]] = [Array("meta".utf8), Array("metadata".utf8)]

    private func isSplicedKey(_ member: JSONMember) -> Bool {
        JSONLReader.splicedKeys.contains { scanner.key(member, equals: $0) }
    }

    /// Names the top-level field whose value held the error `scanObject` threw: `in field
    /// "name"` (JSON-quoted; names over 64 bytes are not shown), or `in a top-level key`.
    private func failedField(in bytes: UnsafeRawBufferPointer) -> String {
        guard let token = scanner.failedMemberKey,
            let name = try? JSONStringDecoder.decode(token: UnsafeRawBufferPointer(rebasing: bytes[token]))
        else { return "in a top-level key" }
        guard name.count <= 64 else { return "in a field whose name has \(name.count) bytes" }
        var quoted: [UInt8] = []
        JSONStringEncoder.appendQuoted(name, to: &quoted)
        return "in field " + String(decoding: quoted, as: UTF8.self)
    }
}
