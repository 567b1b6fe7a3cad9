import PretextCore

/// A document read from an input file, ready to become a document record.
///
/// `text` is the decoded text as valid UTF-8 bytes (not an escaped token): every later
/// stage needs the text itself, and re-escaping text without special characters costs about
/// a `memcpy` (`JSONStringEncoder` copies runs of safe bytes), so keeping a JSON token
/// would save little. See `appendRecord(source:to:)`.
public struct IngestedDocument: Sendable, Equatable {
    /// The document id: the input's own id, or a generated one (see `docs/stages/ingest.md`).
    public var id: String
    /// The text, valid UTF-8, not empty or blank, at most `maxDocumentBytes` long.
    public var text: [UInt8]
    /// The other fields of the input record as a raw JSON object (`{}` when none).
    public var metaJSON: [UInt8]
    /// The number of Unicode scalars in `text`.
    public var chars: Int
    /// The 1-based input line where the record starts, or `nil` when not line-based.
    public var line: Int?
    /// The byte offset of the record in the (decompressed) input.
    public var offset: Int64
    /// How many bytes of the file on disk had been read when the document was reported
    /// (compressed bytes for compressed files; read ahead in blocks): for progress reports.
    public var fileOffset: Int64 = 0
    /// The charset an HTTP response's payload was decoded from (`utf-8`, `gbk`, `shift_jis`…),
    /// or `nil` for documents that are not HTTP responses (JSONL, text, WET).
    public var charset: String?
    /// Where `charset` came from, or `nil` with it.
    public var charsetSource: CharsetSource?

    /// Creates a document.
    public init(id: String, text: [UInt8], metaJSON: [UInt8], chars: Int, line: Int?, offset: Int64) {
        self.id = id
        self.text = text
        self.metaJSON = metaJSON
        self.chars = chars
        self.line = line
        self.offset = offset
    }

    /// The text as a `String`.
    public var textString: String { String(decoding: text, as: UTF8.self) }
    /// The metadata as a `String`.
    public var metaString: String { String(decoding: metaJSON, as: UTF8.self) }
}

/// An input record (or a whole file) that could not become a document.
public struct InputReject: Sendable, Equatable {
    /// The input file.
    public var path: String
    /// The 1-based line, or `nil` for file-level failures and non-line formats.
    public var line: Int?
    /// The byte offset of the record (decompressed stream), or for a damaged compressed
    /// stream the compressed offset where the damage was found.
    public var offset: Int64
    /// Why it was rejected.
    public var reason: RejectReason
    /// What was wrong, with byte columns where useful; never contains corpus text.
    public var detail: String
    /// The offending bytes, cut to `rejectRawBytes`.
    public var raw: [UInt8]
    /// The length of the offending bytes before the cut.
    public var rawLength: Int
    /// Whether the whole file failed (cannot be read, truncated or corrupt compressed stream)
    /// rather than one record: there is no record to keep in `rejects/`.
    public var isFileLevel = false

    /// Creates a reject.
    public init(
        path: String, line: Int?, offset: Int64, reason: RejectReason, detail: String,
        raw: [UInt8] = [], rawLength: Int? = nil
    ) {
        self.path = path
        self.line = line
        self.offset = offset
        self.reason = reason
        self.detail = detail
        self.raw = raw
        self.rawLength = rawLength ?? raw.count
    }

    /// This reject as a `rejects/` record for `stage`.
    public func record(stage: String = "ingest") -> RejectRecord {
        RejectRecord(
            stage: stage, reason: reason, input: path, line: line, offset: offset, detail: detail,
            raw: raw, rawLength: rawLength)
    }
}

/// What an `InputReader` reports, in input order.
public enum InputEvent: Sendable, Equatable {
    /// A document.
    case document(IngestedDocument)
    /// A record or file that was rejected, with the reason.
    case reject(InputReject)
}

/// Counts from reading one input file.
public struct InputReadSummary: Sendable, Equatable {
    /// Documents reported.
    public var documents = 0
    /// Rejects reported (records and file-level failures).
    public var rejects = 0
    /// WARC records that are not documents (`warcinfo`, `request`, `metadata`, non-text
    /// responses …): counted, not rejected.
    public var skippedRecords = 0
    /// Blank lines in JSONL files: they hold no record, so they are skipped.
    public var blankLines = 0
    /// Decompressed bytes read.
    public var bytesRead: Int64 = 0
    /// Documents from HTTP responses by the charset their payload was decoded from
    /// (`IngestedDocument.charset`).
    public var charsets: [String: Int] = [:]
    /// Where the line after the last one read starts (for line-based formats): the start of
    /// the next byte range of the file.
    public var nextLineStart: LineStart?

    /// Creates an empty summary.
    public init() {}
}
