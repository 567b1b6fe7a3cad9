import PretextCore

/// Reads WARC 1.0/1.1 files (and WET files, which are WARC files of `conversion` records).
///
/// A record is a `WARC/1.0` or `WARC/1.1` line, header lines up to a blank line, a block of
/// exactly `Content-Length` bytes, and two CRLFs; then comes the next record's `WARC/` line
/// or the end of the file. Documents come from:
/// - `conversion` records (WET): the block is the text;
/// - `response` records whose HTTP payload is `text/html` or `application/xhtml+xml`
///   (through `HTMLTextExtractor`) or `text/plain`, with a 2xx status.
/// id = `WARC-Record-ID` (or `path/N` for the N-th record, 0-based, when missing);
/// meta = `{"url": WARC-Target-URI, "date": WARC-Date}`.
/// Other records (`warcinfo`, `request`, `metadata`, `revisit`, non-text or non-2xx
/// responses) are counted in `skippedRecords`.
///
/// Every other record is rejected once, with its offset and its own reason (see
/// `docs/stages/ingest.md`), and nothing between records is dropped without a reject.
/// After a record whose framing cannot be trusted, reading resumes at the next `WARC/` line;
/// when a block was read too far (a `Content-Length` too long), that line is looked for
/// inside the block first, so the records it swallowed are still read.
struct WARCReader {
    let options: IngestOptions
    let path: String
    /// Header blocks larger than this are malformed (real ones are under 2 KiB).
    static let maxHeaderBytes = 1 << 20
    /// The headers a record may have only once (WARC 1.1 §5): which value to believe would be
    /// a guess.
    static let singleHeaders = ["Content-Length", "WARC-Type", "WARC-Record-ID", "WARC-Date", "WARC-Target-URI"]
    /// The 0-based index of the record being read (for generated ids).
    var recordIndex = 0
    var extractor = HTMLTextExtractor()

    init(options: IngestOptions, path: String) {
        self.options = options
        self.path = path
    }

    /// Where to go on after a record.
    private enum Next {
        /// The next record starts right after this one (or the file ends).
        case nextRecord
        /// The record's end is unknown: skip lines, silently, up to the next `WARC/` line.
        case skipToNextRecord
    }

    /// Why a record is rejected.
    private struct Problem: Error {
        var reason: RejectReason
        var detail: String
    }

    mutating func run(_ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void) throws {
        // After a rejected record whose end is unknown, its remaining lines are skipped silently
        // up to the next `WARC/` line: the record was rejected once, as a whole. Lines outside
        // any record are rejected once per run.
        var skipping = false
        while let event = try lines.next() {
            guard case .line(let line) = event, line.bytes.starts(with: "WARC/".utf8) else {
                if case .line(let line) = event, line.bytes.isEmpty { continue }
                if !skipping {
                    try emitter.reject(
                        .malformedWARC, line: nil, offset: Self.offset(of: event),
                        detail: "expected a WARC/1.x version line; skipping to the next record", to: body)
                }
                skipping = true
                continue
            }
            defer { recordIndex += 1 }
            skipping = try readRecord(startingWith: line, lines, &emitter, body) == .skipToNextRecord
        }
    }

    private static func offset(of event: LineReader.Event) -> Int64 {
        switch event {
        case .line(let line): line.offset
        case .tooLong(_, let offset, _): offset
        }
    }

    /// Reads the record whose version line `line` was just read, and reports it.
    private mutating func readRecord(
        startingWith line: LineReader.Line, _ lines: LineReader, _ emitter: inout InputEmitter,
        _ body: (InputEvent) throws -> Void
    ) throws -> Next {
        let offset = line.offset
        func reject(_ problem: Problem) throws {
            try emitter.reject(problem.reason, line: nil, offset: offset, detail: problem.detail, to: body)
        }
        guard Self.isKnownVersion(line.bytes) else {
            try reject(Problem(reason: .unknownWARCVersion, detail: "the version line is not WARC/1.0 or WARC/1.1"))
            return .skipToNextRecord
        }
        let headers: WARCHeaders
        switch try readHeaders(lines) {
        case .failure(let problem):
            try reject(problem)
            return .skipToNextRecord
        case .success(let read):
            headers = read
        }
        guard let length = headers.integer("content-length") else {
            try reject(Problem(reason: .malformedWARC, detail: "the WARC record has no valid Content-Length"))
            return .skipToNextRecord
        }
        guard length <= options.maxWARCRecordBytes else {
            _ = try lines.skip(Int64(length))
            try reject(
                Problem(
                    reason: .tooLarge,
                    detail:
                        "WARC record block of \(length) bytes is larger than max_warc_record_bytes (\(options.maxWARCRecordBytes))"
                ))
            return try readTrailer(lines).isFollowedByRecord ? .nextRecord : .skipToNextRecord
        }
        var block: [UInt8] = []
        let read = try lines.readExactly(length, into: &block)
        let trailer = try readTrailer(lines)
        guard read == length, trailer.isFollowedByRecord else {
            try reject(Self.lengthMismatch(read: read, length: length))
            return resynchronize(after: block, trailer, lines)
        }
        guard let type = headers["warc-type"], !type.isEmpty else {
            try reject(Problem(reason: .warcMissingType, detail: "the WARC record has no WARC-Type header"))
            return .nextRecord
        }
        try handle(type: type, headers, block, offset: offset, &emitter, body)
        return .nextRecord
    }

    /// Whether a version line is `WARC/1.0` or `WARC/1.1` (trailing blanks allowed).
    private static func isKnownVersion(_ line: UnsafeRawBufferPointer) -> Bool {
        let version = TextBytes.trimmingASCIIWhitespace(line)
        return version.elementsEqual("WARC/1.0".utf8) || version.elementsEqual("WARC/1.1".utf8)
    }

    /// Reads the header lines up to the blank line that ends them.
    private func readHeaders(_ lines: LineReader) throws(ByteSourceError) -> Result<WARCHeaders, Problem> {
        func malformed(_ detail: String) -> Result<WARCHeaders, Problem> {
            .failure(Problem(reason: .malformedWARC, detail: detail))
        }
        var headers = WARCHeaders()
        var headerBytes = 0
        while true {
            guard let event = try lines.next() else { return malformed("the file ends inside a WARC header block") }
            guard case .line(let line) = event else { return malformed("a WARC header line is too long") }
            if line.bytes.isEmpty { break }
            if line.bytes.starts(with: "WARC/".utf8) {
                lines.unreadLine(line)  // the next record: read it as such
                return malformed("the WARC header block has no end: the next record starts inside it")
            }
            headerBytes += line.bytes.count
            guard headerBytes <= WARCReader.maxHeaderBytes else {
                return malformed("the WARC header block is larger than 1 MiB")
            }
            guard headers.add(line: line.bytes) else {
                return malformed("WARC header line \(line.number) is not 'Name: value'")
            }
        }
        if let repeated = Self.singleHeaders.first(where: { headers.count(of: $0.lowercased()) > 1 }) {
            return .failure(
                Problem(reason: .duplicateWARCHeader, detail: "the WARC header \(repeated) appears more than once"))
        }
        return .success(headers)
    }

    /// The line breaks read after a block, and whether the next record's version line (or the
    /// end of the file) comes after them.
    private struct Trailer {
        var lineBreaks: [UInt8] = []
        var isFollowedByRecord = false
    }

    /// Reads the line breaks after a block (the spec's CRLF CRLF; any number of CRLF or LF is
    /// accepted) and looks, without reading it, at what follows. The end of the file is
    /// accepted right after the block.
    private func readTrailer(_ lines: LineReader) throws(ByteSourceError) -> Trailer {
        var trailer = Trailer()
        while true {
            let ahead = try lines.peek(2)
            let lineBreak = ahead.first == 0x0A ? 1 : (ahead.starts(with: [0x0D, 0x0A]) ? 2 : 0)
            guard lineBreak > 0 else { break }
            trailer.lineBreaks.append(contentsOf: ahead.prefix(lineBreak))
            _ = try lines.skip(Int64(lineBreak))
        }
        let next = try lines.peek(5)
        trailer.isFollowedByRecord =
            next.isEmpty || (!trailer.lineBreaks.isEmpty && next.starts(with: "WARC/".utf8))
        return trailer
    }

    private static func lengthMismatch(read: Int, length: Int) -> Problem {
        let detail =
            read < length
            ? "the file ends \(read) bytes into the record's block of Content-Length \(length)"
            : "the block of Content-Length \(length) is not followed by CRLF CRLF and the next WARC/ line: its Content-Length is wrong"
        return Problem(reason: .warcLengthMismatch, detail: detail)
    }

    /// After a block that does not end where the next record starts: when a `WARC/` line
    /// starts inside the block (after its first byte), the block was read too far, and
    /// reading goes back to that line; otherwise (the block was too short) lines are skipped
    /// up to the next `WARC/` line.
    private func resynchronize(after block: [UInt8], _ trailer: Trailer, _ lines: LineReader) -> Next {
        guard let start = Self.firstVersionLine(in: block) else { return .skipToNextRecord }
        let rest = Array(block[start...]) + trailer.lineBreaks
        rest.withUnsafeBytes { lines.unread($0) }
        return .nextRecord
    }

    /// The offset of the first line of `block` after the first that starts with `WARC/`.
    private static func firstVersionLine(in block: [UInt8]) -> Int? {
        let marker = Array("\nWARC/".utf8)
        var i = 0
        while let newline = block[i...].firstIndex(of: 0x0A) {
            if block[newline...].starts(with: marker) { return newline + 1 }
            i = newline + 1
        }
        return nil
    }
}
