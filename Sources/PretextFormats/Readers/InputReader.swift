import PretextCore

/// Reads one input file of any format as a stream of documents and rejects.
///
/// One API for JSONL, text, WARC and WET files, plain or compressed (detected by magic
/// bytes). Files are streamed through a bounded buffer, never loaded whole. Every record
/// ends up as either a `.document` or a `.reject` event; failures of the file itself
/// (cannot open, truncated or corrupt compressed stream) are `.reject` events with
/// `line == nil`, after the events of all records read before the failure.
public struct InputReader: Sendable {
    /// The file to read.
    public let file: InputFile
    /// The reading options.
    public let options: IngestOptions
    /// Where reading starts: a line start of a plain JSONL file (the file's start by default).
    public let start: LineStart
    /// Lines starting at or after this offset are left to the next range (`nil`: read to the end).
    public let end: Int64?

    /// Creates a reader for `file`.
    public init(file: InputFile, options: IngestOptions = IngestOptions()) {
        self.init(file: file, options: options, start: LineStart(), end: nil)
    }

    /// Creates a reader for the lines of the plain JSONL file `file` that start in
    /// `start.offset ..< end` (`start` from `LineStart.locate`): one task's byte range of a
    /// large file. Line numbers and offsets are the file's own.
    public init(file: InputFile, options: IngestOptions, start: LineStart, end: Int64?) {
        self.file = file
        self.options = options
        self.start = start
        self.end = end
    }

    /// Whether `file` can be read in byte ranges: a JSONL file whose first bytes are not a
    /// gzip or zstd header (ranges of a compressed stream cannot be found without reading it).
    public static func isSplittable(_ file: InputFile) -> Bool {
        guard file.format == .jsonl, file.compression == .none,
            let source = try? FileByteSource(path: file.path)
        else { return false }
        return Compression.sniff(source.peekPrefix(4)) == .none
    }

    /// Reads the file, calling `body` with each event in input order.
    /// - Returns: the counts of what was read.
    /// - Throws: only what `body` throws; input problems are reported as `.reject` events.
    @discardableResult
    public func read(_ body: (InputEvent) throws -> Void) throws -> InputReadSummary {
        var emitter = InputEmitter(path: file.path, rawCap: options.rejectRawBytes)
        do {
            let source = try openSource()
            emitter.source = source
            let lines = LineReader(source: source, maxLineBytes: options.maxLineBytes, start: start, end: end)
            do {
                try readRecords(lines, &emitter, body)
            } catch let error as ByteSourceError {
                try emitter.sourceFailure(error, to: body)
            }
            emitter.summary.bytesRead = lines.offset - start.offset
            emitter.summary.nextLineStart = lines.nextLineStart
        } catch let error as ByteSourceError {
            try emitter.sourceFailure(error, to: body)
        } catch let error as HandlerError {
            throw error.underlying
        }
        return emitter.summary
    }

    /// The file's bytes: from `start` for a range, else through the decompressor its magic
    /// bytes name.
    private func openSource() throws(ByteSourceError) -> any ByteSource {
        guard start.offset > 0 || end != nil else { return try Compression.openSource(path: file.path) }
        return try FileByteSource(path: file.path, offset: start.offset)
    }

    /// Reads every event of the file into an array (convenient for tests and small files).
    public func readAll() throws -> [InputEvent] {
        var events: [InputEvent] = []
        try read { events.append($0) }
        return events
    }

    private func readRecords(
        _ lines: LineReader, _ emitter: inout InputEmitter, _ body: (InputEvent) throws -> Void
    ) throws {
        switch file.format {
        case .jsonl:
            var reader = JSONLReader(options: options, path: file.path)
            try reader.run(lines, &emitter, body)
        case .text:
            let reader = TextFileReader(options: options, path: file.path)
            try reader.run(lines, &emitter, body)
        case .warc, .wet:
            var reader = WARCReader(options: options, path: file.path)
            try reader.run(lines, &emitter, body)
        }
    }
}
