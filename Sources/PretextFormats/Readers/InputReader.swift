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

    /// Creates a reader for `file`.
    public init(file: InputFile, options: IngestOptions = IngestOptions()) {
        self.file = file
        self.options = options
    }

    /// Reads the file, calling `body` with each event in input order.
    /// - Returns: the counts of what was read.
    /// - Throws: only what `body` throws; input problems are reported as `.reject` events.
    @discardableResult
    public func read(_ body: (InputEvent) throws -> Void) throws -> InputReadSummary {
        var emitter = InputEmitter(path: file.path, rawCap: options.rejectRawBytes)
        do {
            let source = try Compression.openSource(path: file.path)
            emitter.source = source
            let lines = LineReader(source: source, maxLineBytes: options.maxLineBytes)
            do {
                try readRecords(lines, &emitter, body)
            } catch let error as ByteSourceError {
                try emitter.sourceFailure(error, to: body)
            }
            emitter.summary.bytesRead = lines.offset
        } catch let error as ByteSourceError {
            try emitter.sourceFailure(error, to: body)
        } catch let error as HandlerError {
            throw error.underlying
        }
        return emitter.summary
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
