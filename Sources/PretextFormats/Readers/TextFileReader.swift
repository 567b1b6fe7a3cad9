import PretextCore

/// Reads plain UTF-8 text files, one document per file or per blank-line block.
///
/// - `file` mode: the whole file (a leading BOM dropped, bytes otherwise kept as they are)
///   is one document with id = the path, `line` = 1.
/// - `blocks` mode: lines are grouped into blocks separated by blank (whitespace-only)
///   lines; a block's lines are joined with `\n` (CRLF becomes LF); id = `path#N`, N the
///   0-based block index counting rejected blocks too, so ids do not shift.
/// Invalid UTF-8 → `invalid_utf8` (with the line of the first bad byte); blank → `empty_text`;
/// larger than `maxDocumentBytes` → `too_large`; a block with an overlong line →
/// `line_too_long` for the whole block.
struct TextFileReader {
    let options: IngestOptions
    let path: String

    func run(_ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void) throws {
        switch options.textMode {
        case .file: try readWholeFile(lines, &emitter, body)
        case .blocks: try readBlocks(lines, &emitter, body)
        }
    }

    private func readWholeFile(
        _ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        var bytes: [UInt8] = []
        let limit = options.maxDocumentBytes
        let n = try lines.readExactly(limit + 3 + 1, into: &bytes)  // + BOM, + 1 to detect overflow
        let size = Int64(n) + (n > limit + 3 ? try lines.skip(Int64.max) : 0)
        try bytes.withUnsafeBytes { raw in
            let text = TextBytes.droppingBOM(raw)
            try emitText(text, id: path, line: 1, offset: Int64(raw.count - text.count), fullSize: size, &emitter, body)
        }
    }

    /// Validates `text` and reports it as a document or a reject.
    private func emitText(
        _ text: UnsafeRawBufferPointer, id: String, line: Int, offset: Int64, fullSize: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        if fullSize > Int64(options.maxDocumentBytes) && text.count > options.maxDocumentBytes {
            return try emitter.reject(
                .tooLarge, line: line, offset: offset,
                detail:
                    "text of at least \(text.count) bytes is larger than max_document_bytes (\(options.maxDocumentBytes))",
                raw: text, to: body)
        }
        if let bad = UTF8Validation.firstInvalidOffset(text) {
            return try emitter.reject(
                .invalidUTF8, line: line - 1 + TextBytes.lineNumber(of: bad, in: text), offset: offset + Int64(bad),
                detail: "invalid UTF-8 at byte \(bad) of the document", raw: text, to: body)
        }
        guard !UTF8Whitespace.isBlank(text) else {
            return try emitter.reject(
                .emptyText, line: line, offset: offset, detail: "the text is empty or whitespace only", raw: text,
                to: body)
        }
        let document = IngestedDocument(
            id: id, text: Array(text), metaJSON: Array("{}".utf8), chars: UTF8Validation.scalarCount(text),
            line: line, offset: offset)
        try emitter.document(document, to: body)
    }

    private func readBlocks(
        _ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        var block = Block()
        var index = 0
        while let event = try lines.next() {
            switch event {
            case .tooLong(let number, let offset, let length):
                block.start(line: number, offset: offset)
                block.problem =
                    block.problem ?? (
                        .lineTooLong, number,
                        "line \(number) of \(length) bytes is longer than max_line_bytes (\(options.maxLineBytes))"
                    )
            case .line(let line):
                var bytes = line.bytes
                if line.number == 1 { bytes = TextBytes.droppingBOM(bytes) }
                if TextBytes.isASCIIBlank(bytes) {
                    try flush(&block, index: &index, &emitter, body)
                    continue
                }
                block.start(line: line.number, offset: line.offset)
                append(bytes, to: &block)
            }
        }
        try flush(&block, index: &index, &emitter, body)
    }

    private func append(_ bytes: UnsafeRawBufferPointer, to block: inout Block) {
        guard block.problem == nil else { return }
        let added = bytes.count + (block.text.isEmpty ? 0 : 1)
        guard block.text.count + added <= options.maxDocumentBytes else {
            block.problem = (
                .tooLarge, block.line, "block is larger than max_document_bytes (\(options.maxDocumentBytes))"
            )
            block.text.removeAll()
            return
        }
        if !block.text.isEmpty { block.text.append(0x0A) }
        block.text.append(contentsOf: bytes)
    }

    private func flush(
        _ block: inout Block, index: inout Int, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        guard block.active else { return }
        defer {
            block = Block()
            index += 1
        }
        if let (reason, line, detail) = block.problem {
            return try emitter.reject(reason, line: line, offset: block.offset, detail: detail, to: body)
        }
        try block.text.withUnsafeBytes { text in
            try emitText(
                text, id: "\(path)#\(index)", line: block.line, offset: block.offset, fullSize: Int64(text.count),
                &emitter, body)
        }
    }

    /// The block being collected.
    private struct Block {
        var active = false
        var line = 0
        var offset: Int64 = 0
        var text: [UInt8] = []
        var problem: (RejectReason, Int, String)?

        mutating func start(line: Int, offset: Int64) {
            guard !active else { return }
            active = true
            self.line = line
            self.offset = offset
        }
    }
}
