import PretextCore

/// Reads WARC 1.0/1.1 files (and WET files, which are WARC files of `conversion` records).
///
/// A record is a `WARC/1.x` line, header lines up to a blank line, a block of exactly
/// `Content-Length` bytes, and two CRLFs. Documents come from:
/// - `conversion` records (WET): the block is the text;
/// - `response` records whose HTTP payload is `text/html` or `application/xhtml+xml`
///   (through `HTMLTextExtractor`) or `text/plain`, with a 2xx status.
/// id = `WARC-Record-ID` (or `path/N` for the N-th record, 0-based, when missing);
/// meta = `{"url": WARC-Target-URI, "date": WARC-Date}`.
/// Other records (`warcinfo`, `request`, `metadata`, `revisit`, non-text or non-2xx
/// responses) are counted in `skippedRecords`. A malformed record is rejected as
/// `malformed_warc` with its offset, and reading resumes at the next `WARC/` line.
struct WARCReader {
    let options: IngestOptions
    let path: String
    /// Header blocks larger than this are malformed (real ones are under 2 KiB).
    static let maxHeaderBytes = 1 << 20
    private var recordIndex = 0
    private var extractor = HTMLTextExtractor()

    init(options: IngestOptions, path: String) {
        self.options = options
        self.path = path
    }

    mutating func run(_ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void) throws {
        // After a malformed record, its remaining lines are skipped silently up to the next
        // `WARC/` line: the record was rejected once, as a whole.
        var inGarbage = false
        var pending: LineReader.Event?
        while let event = try pending ?? lines.next() {
            pending = nil
            guard case .line(let line) = event, line.bytes.starts(with: "WARC/".utf8) else {
                if case .line(let line) = event, line.bytes.isEmpty { continue }
                if !inGarbage {
                    try emitter.reject(
                        .malformedWARC, line: nil, offset: Self.offset(of: event),
                        detail: "expected a WARC/1.x version line; skipping to the next record", to: body)
                }
                inGarbage = true
                continue
            }
            inGarbage = false
            let recordOffset = line.offset
            let outcome = try readRecord(lines, at: recordOffset)
            defer { recordIndex += 1 }
            switch outcome {
            case .malformed(let detail):
                try emitter.reject(.malformedWARC, line: nil, offset: recordOffset, detail: detail, to: body)
                inGarbage = true
            case .unterminated(let next):
                try emitter.reject(
                    .malformedWARC, line: nil, offset: recordOffset,
                    detail: "the record's content block is not followed by a blank line: its Content-Length is wrong",
                    to: body)
                if case .line(let nextLine) = next, nextLine.bytes.starts(with: "WARC/".utf8) {
                    pending = next
                } else {
                    inGarbage = true
                }
            case .tooLarge(let length):
                try emitter.reject(
                    .tooLarge, line: nil, offset: recordOffset,
                    detail:
                        "WARC record block of \(length) bytes is larger than max_warc_record_bytes (\(options.maxWARCRecordBytes))",
                    to: body)
            case .record(let headers, let block):
                try handle(headers, block, offset: recordOffset, &emitter, body)
            }
        }
    }

    private static func offset(of event: LineReader.Event) -> Int64 {
        switch event {
        case .line(let line): line.offset
        case .tooLong(_, let offset, _): offset
        }
    }

    private enum Outcome {
        case malformed(String)
        /// The block was read, but no blank line follows it; `next` is what came instead.
        case unterminated(next: LineReader.Event)
        case tooLarge(Int)
        case record(WARCHeaders, [UInt8])
    }

    /// Reads the header block and the content block of the record whose version line was
    /// just read.
    private func readRecord(_ lines: LineReader, at offset: Int64) throws(ByteSourceError) -> Outcome {
        var headers = WARCHeaders()
        var headerBytes = 0
        while true {
            guard let event = try lines.next() else { return .malformed("the file ends inside a WARC header block") }
            guard case .line(let line) = event else { return .malformed("a WARC header line is too long") }
            if line.bytes.isEmpty { break }
            headerBytes += line.bytes.count
            guard headerBytes <= WARCReader.maxHeaderBytes else {
                return .malformed("the WARC header block is larger than 1 MiB")
            }
            guard headers.add(line: line.bytes) else {
                return .malformed("WARC header line \(line.number) is not 'Name: value'")
            }
        }
        guard let length = headers.integer("content-length") else {
            return .malformed("the WARC record has no valid Content-Length")
        }
        guard length <= options.maxWARCRecordBytes else {
            _ = try lines.skip(Int64(length))
            return .tooLarge(length)
        }
        var block: [UInt8] = []
        let n = try lines.readExactly(length, into: &block)
        guard n == length else {
            return .malformed("the WARC record is truncated: \(n) of \(length) content bytes")
        }
        // The block must be followed by the record's closing CRLF CRLF (a blank line); the end
        // of the file is tolerated.
        guard let next = try lines.next() else { return .record(headers, block) }
        if case .line(let line) = next, line.bytes.isEmpty { return .record(headers, block) }
        return .unterminated(next: next)
    }

    private mutating func handle(
        _ headers: WARCHeaders, _ block: [UInt8], offset: Int64, _ emitter: inout InputEmitter,
        _ body: (InputEvent) throws -> Void
    ) throws {
        switch headers["warc-type"]?.lowercased() ?? "" {
        case "conversion":
            try block.withUnsafeBytes { try emitText($0, headers: headers, offset: offset, &emitter, body) }
        case "response":
            try block.withUnsafeBytes { try handleResponse($0, headers: headers, offset: offset, &emitter, body) }
        default:
            emitter.summary.skippedRecords += 1
        }
    }

    private mutating func handleResponse(
        _ block: UnsafeRawBufferPointer, headers: WARCHeaders, offset: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        guard let response = HTTPResponse(block: block), (200..<300).contains(response.status) else {
            emitter.summary.skippedRecords += 1
            return
        }
        let type = response.mediaType
        let isHTML = type == "text/html" || type == "application/xhtml+xml"
        guard isHTML || type == "text/plain" else {
            emitter.summary.skippedRecords += 1
            return
        }
        let payload = UnsafeRawBufferPointer(rebasing: block[response.payloadStart...])
        for name in ["content-encoding", "transfer-encoding"] {
            if let coding = response.headers[name]?.lowercased(), coding != "identity", !coding.isEmpty {
                return try emitter.reject(
                    .unsupportedEncoding, line: nil, offset: offset,
                    detail: "HTTP \(name) '\(coding)' is not supported", raw: payload, to: body)
            }
        }
        guard let utf8 = try decodeCharset(payload, response.charset, offset: offset, &emitter, body) else { return }
        guard isHTML else {
            return try utf8.withUnsafeBytes { try emitText($0, headers: headers, offset: offset, &emitter, body) }
        }
        var text: [UInt8] = []
        utf8.withUnsafeBytes { extractor.extract($0, into: &text) }
        try text.withUnsafeBytes { try emitText($0, headers: headers, offset: offset, &emitter, body) }
    }

    /// The payload as UTF-8: as is when it is valid UTF-8 and labeled UTF-8 or not labeled;
    /// decoded from Windows-1252 when labeled Latin-1/1252, or unlabeled and not UTF-8.
    /// Reports a reject and returns `nil` for other charsets and for invalid labeled UTF-8.
    private func decodeCharset(
        _ payload: UnsafeRawBufferPointer, _ charset: String?, offset: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws -> [UInt8]? {
        let label = charset ?? ""
        if label.isEmpty || label == "utf-8" || label == "utf8" {
            if let bad = UTF8Validation.firstInvalidOffset(payload) {
                guard label.isEmpty else {
                    try emitter.reject(
                        .invalidUTF8, line: nil, offset: offset,
                        detail: "payload labeled UTF-8 is invalid at byte \(bad)", raw: payload, to: body)
                    return nil
                }
                return Windows1252.decode(payload)
            }
            return Array(payload)
        }
        if Windows1252.labels.contains(label) { return Windows1252.decode(payload) }
        try emitter.reject(
            .unsupportedEncoding, line: nil, offset: offset,
            detail: "charset '\(label)' is not supported (only UTF-8 and Latin-1/Windows-1252)", raw: payload, to: body)
        return nil
    }

    /// Validates text from a record and reports it as a document or a reject.
    private func emitText(
        _ text: UnsafeRawBufferPointer, headers: WARCHeaders, offset: Int64,
        _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        if let bad = UTF8Validation.firstInvalidOffset(text) {
            return try emitter.reject(
                .invalidUTF8, line: nil, offset: offset, detail: "invalid UTF-8 at byte \(bad) of the record text",
                raw: text, to: body)
        }
        guard text.count <= options.maxDocumentBytes else {
            return try emitter.reject(
                .tooLarge, line: nil, offset: offset,
                detail: "text of \(text.count) bytes is larger than max_document_bytes (\(options.maxDocumentBytes))",
                raw: text, to: body)
        }
        guard !UTF8Whitespace.isBlank(text) else {
            return try emitter.reject(
                .emptyText, line: nil, offset: offset, detail: "the record has no text", raw: text, to: body)
        }
        let id = headers["warc-record-id"].flatMap { $0.isEmpty ? nil : $0 } ?? "\(path)/\(recordIndex)"
        let document = IngestedDocument(
            id: id, text: Array(text), metaJSON: meta(headers), chars: UTF8Validation.scalarCount(text),
            line: nil, offset: offset)
        try emitter.document(document, to: body)
    }

    private func meta(_ headers: WARCHeaders) -> [UInt8] {
        var meta: [UInt8] = [UInt8(ascii: "{")]
        for (key, field) in [("url", "warc-target-uri"), ("date", "warc-date")] {
            guard let value = headers[field] else { continue }
            if meta.count > 1 { meta.append(UInt8(ascii: ",")) }
            JSONStringEncoder.appendQuoted(key, to: &meta)
            meta.append(UInt8(ascii: ":"))
            JSONStringEncoder.appendQuoted(value, to: &meta)
        }
        meta.append(UInt8(ascii: "}"))
        return meta
    }
}
