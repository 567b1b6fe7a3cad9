import PretextCore
import PretextFormats
import PretextStore

/// Reads raw inputs — JSONL (plain, .gz, .zst), plain-text files, WARC/WET — into a dataset
/// of document shards.
///
/// Every input record ends up either as a document or in `rejects/` with file, line, byte
/// offset and reason; whole-file failures (unreadable, truncated or corrupt streams) are
/// recorded in `drops` after the records read before them are kept. Matches datatrove's
/// `JsonlReader` (`text_key`, `id_key`, other fields kept as metadata; generated ids from
/// path and line). Formats, options and reasons: `docs/stages/ingest.md`.
public struct IngestStage: Stage {
    public static let descriptor = StageDescriptor(
        name: "ingest",
        summary: "read JSONL (plain/gz/zst), text files and WARC/WET into document shards",
        options: readingOptions.map { $0 as any OptionDeclaration } + [splitBytes],
        input: .files)

    /// `split_bytes`: the smallest byte range a plain JSONL file is cut into across tasks.
    public static let splitBytes = OptionKey<Int>(
        "split_bytes", min: 1024, max: 1 << 40, default: 16 << 20,
        "plain JSONL files are read by several tasks in byte ranges of at least this size (workers > 1)")

    /// The options, each an `IngestOptions` field with that field's default.
    public static let readingOptions: [OptionBinding<IngestOptions>] = [
        .option("text_key", \.textKey, "JSONL field holding the text"),
        .option("id_key", \.idKey, "JSONL field holding the id (generated from path and line when absent)"),
        .option("text_mode", \.textMode, "text files: one document per file, or per blank-line-separated block"),
        .option(
            "max_document_bytes", \.maxDocumentBytes, min: 1, max: 1 << 30, "larger documents are rejected as too_large"
        ),
        .option(
            "max_line_bytes", \.maxLineBytes, min: 1024, max: 1 << 30,
            "longer input lines are rejected as line_too_long"),
        .option(
            "max_warc_record_bytes", \.maxWARCRecordBytes, min: 1024, max: 1 << 30,
            "larger WARC record blocks (and decoded HTTP payloads) are skipped and rejected as too_large"),
        .option(
            "reject_raw_bytes", \.rejectRawBytes, min: 0, max: 1 << 20, "bytes of a bad record kept in its reject"),
        // The JSON scan recurses once per level: 1024 levels stay far inside a task's 8 MiB stack.
        .option(
            "max_json_depth", \.maxJSONDepth, min: 1, max: 1024, "deeper JSON nesting is rejected as malformed_json"),
    ]

    private let options: IngestOptions
    /// The smallest byte range of a split file (`split_bytes`).
    let splitBytes: Int64

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        self.options = options.settings(from: Self.readingOptions)
        splitBytes = Int64(options[Self.splitBytes])
    }

    /// Resolves the input entries to files, in entry order then path order; a file named by
    /// two entries is read once, with the first entry's options.
    public func plan(_ input: StageInput) throws -> [IngestUnit] {
        guard case .files(let specs) = input else {
            throw PretextError(
                .invalidConfiguration,
                "the ingest stage reads input files, not a dataset; give files, directories or globs")
        }
        var seen: Set<String> = []
        var units: [IngestUnit] = []
        for spec in specs {
            for unit in try planUnits(for: spec) where seen.insert(unit.key).inserted {
                units.append(unit)
            }
        }
        return units
    }

    /// Reads each file (or byte range) of this task and writes its documents and rejects.
    public func run(_ units: [IngestUnit], in task: StageTask) throws {
        var record: [UInt8] = []
        record.reserveCapacity(1 << 16)
        var starts = RangeStarts()
        for unit in units {
            switch unit.work {
            case .read(let file, let reading, let source):
                guard let range = unit.range else {
                    try ingest(InputReader(file: file, options: reading), source: source, task: task, record: &record)
                    continue
                }
                guard let start = try starts.start(of: range, in: file, task: task) else { continue }
                let reader = InputReader(file: file, options: reading, start: start, end: range.upperBound)
                let summary = try ingest(reader, source: source, task: task, record: &record, range: range)
                starts.finished(range, in: file, next: summary.nextLineStart)
            case .unsupported(let path, let reason):
                try task.dropFile(DropRow(reason: "unsupported_format", detail: reason, input: path))
            }
        }
    }

    // MARK: planning

    private func planUnits(for spec: InputSpec) throws -> [IngestUnit] {
        let format = InputFormat(rawValue: spec.options[InputSpec.format])
        let resolution = try InputResolver(format: format).resolve([spec.path])
        let reading = readingOptions(for: spec)
        let source = spec.options[InputSpec.source]
        var units = resolution.files.map { file in
            IngestUnit(work: .read(file, reading, source: source.isEmpty ? file.path : source))
        }
        // Hidden entries are skipped silently (docs/stages/ingest.md); other skipped files
        // are unsupported_format drops.
        units += resolution.skipped.filter { !$0.isHidden }.map {
            IngestUnit(work: .unsupported(path: $0.path, reason: $0.reason))
        }
        return units
    }

    private func readingOptions(for spec: InputSpec) -> IngestOptions {
        var reading = options
        if !spec.options[InputSpec.textKey].isEmpty { reading.textKey = spec.options[InputSpec.textKey] }
        if !spec.options[InputSpec.idKey].isEmpty { reading.idKey = spec.options[InputSpec.idKey] }
        if let mode = IngestOptions.TextMode(rawValue: spec.options[InputSpec.textMode]) { reading.textMode = mode }
        return reading
    }

    // MARK: reading

    /// Reads one file, or the lines of `range`, into the task.
    @discardableResult
    private func ingest(
        _ reader: InputReader, source: String, task: StageTask, record: inout [UInt8], range: Range<Int64>? = nil
    ) throws -> InputReadSummary {
        let file = reader.file
        let span = range ?? 0..<file.size
        var progress = ProgressTicker(task: task, span: span)
        let summary = try reader.read { event in
            switch event {
            case .document(let document):
                record.removeAll(keepingCapacity: true)
                document.appendRecord(source: source, to: &record)
                var row = DocumentRow(
                    id: document.id, source: source, inputLine: document.line, bytes: document.text.count,
                    chars: document.chars)
                Self.addCharset(of: document, to: &row)
                try record.withUnsafeBytes { try task.keep(record: $0, row: row) }
                progress.document(textBytes: document.text.count, at: document.fileOffset)
            case .reject(let reject):
                try self.reject(reject, task: task, record: &record)
            }
        }
        progress.finish()
        // A file read in ranges counts once, with its first range.
        task.finishedInput(bytes: span.upperBound - span.lowerBound, files: span.lowerBound == 0 ? 1 : 0)
        return summary
    }

    private func reject(_ reject: InputReject, task: StageTask, record: inout [UInt8]) throws {
        let drop = DropRow(
            reason: reject.reason.name, detail: reject.detail, input: reject.path, inputLine: reject.line,
            inputOffset: Int(reject.offset))
        if reject.isFileLevel {
            try task.dropFile(drop)
            return
        }
        record.removeAll(keepingCapacity: true)
        reject.record(stage: Self.descriptor.name).append(to: &record, rawCap: options.rejectRawBytes)
        try record.withUnsafeBytes { try task.reject(record: $0, drop: drop) }
    }
}

/// Feeds the progress line while a file is read: every document with the bytes of its text,
/// and the bytes of the file read so far (for the ETA), so that one large file still shows
/// progress (the task's meter hands the counts on every tenth of a second).
private struct ProgressTicker {
    let task: StageTask
    private var reportedBytes: Int64
    /// Where reading stops: the file size, or the end of a byte range.
    private let end: Int64

    /// A ticker for the bytes `span` of a file (the whole file, or a range).
    init(task: StageTask, span: Range<Int64>) {
        self.task = task
        reportedBytes = span.lowerBound
        end = span.upperBound
    }

    mutating func document(textBytes: Int, at fileOffset: Int64) {
        // Reading runs ahead of a range's end by up to one buffer: count only the range.
        let bytes = max(min(fileOffset, end) - reportedBytes, 0)
        task.countRead(textBytes: textBytes, inputBytes: bytes)
        reportedBytes += bytes
    }

    /// Counts the rest, up to the end of the span, and shows it.
    mutating func finish() {
        task.countInput(bytes: max(end - reportedBytes, 0))
        task.flushProgress()
    }
}
