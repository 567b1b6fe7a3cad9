/// Why a stage dropped a document or an input record; stored in `drops.reason`.
///
/// Reasons are stable snake_case names so that SQL over the catalog can group by them.
/// Extensible: later stages add their own (a quality rule's name, `duplicate`, …).
public struct RejectReason: Hashable, Sendable, CustomStringConvertible {
    /// The stable name stored in the catalog.
    public let name: String

    /// Creates a reason with a stable name.
    public init(_ name: String) { self.name = name }

    public var description: String { name }

    /// The record's bytes are not valid UTF-8.
    public static let invalidUTF8 = RejectReason("invalid_utf8")
    /// A JSONL line is not a JSON object.
    public static let malformedJSON = RejectReason("malformed_json")
    /// The record has no text field (or no text, for WARC records).
    public static let missingText = RejectReason("missing_text")
    /// The text field is not a JSON string.
    public static let textNotString = RejectReason("text_not_string")
    /// The text is empty or only whitespace.
    public static let emptyText = RejectReason("empty_text")
    /// The document is larger than the configured limit.
    public static let tooLarge = RejectReason("too_large")
    /// A line is longer than the configured limit (the whole line is rejected).
    public static let lineTooLong = RejectReason("line_too_long")
    /// A compressed file ends before its stream does; the records before the damage are kept.
    public static let truncatedInput = RejectReason("truncated_input")
    /// A compressed file's data is damaged.
    public static let corruptInput = RejectReason("corrupt_input")
    /// A file could not be opened or read.
    public static let unreadableFile = RejectReason("unreadable_file")
    /// A WARC record's header block is malformed, or lines between records are not a record.
    public static let malformedWARC = RejectReason("malformed_warc")
    /// A WARC record's version line is not `WARC/1.0` or `WARC/1.1`.
    public static let unknownWARCVersion = RejectReason("unknown_warc_version")
    /// A WARC header that may appear once (`Content-Length`, `WARC-Type`, `WARC-Record-ID`,
    /// `WARC-Date`, `WARC-Target-URI`) appears twice.
    public static let duplicateWARCHeader = RejectReason("duplicate_warc_header")
    /// A WARC record's block of `Content-Length` bytes is not followed by CRLF CRLF and the
    /// next record's `WARC/` line (or the end of the file): its length is wrong.
    public static let warcLengthMismatch = RejectReason("warc_length_mismatch")
    /// A WARC record has no `WARC-Type` header (or an empty one).
    public static let warcMissingType = RejectReason("warc_missing_type")
    /// A WARC `response` record's HTTP header block has no end (no blank line).
    public static let unterminatedHTTPHeaders = RejectReason("unterminated_http_headers")
    /// A JSON string has a `\u` escape of a lone surrogate (a high one not followed by a low
    /// one, or a low one alone): it has no UTF-8 form.
    public static let loneSurrogate = RejectReason("lone_surrogate")
    /// A WARC payload uses an HTTP content or transfer coding the reader cannot undo (only
    /// `chunked`, `gzip` and `deflate` are known; `br`, `zstd`, `compress` are not).
    public static let unsupportedEncoding = RejectReason("unsupported_encoding")
    /// A WARC payload has bytes that do not decode in its charset (declared by the HTTP
    /// header or the page, or detected); the detail names the charset and the byte offset.
    public static let undecodableBytes = RejectReason("undecodable_bytes")
    /// A WARC payload's `Transfer-Encoding: chunked` body is malformed (a size line that is
    /// not hexadecimal, a chunk longer than the body, no last chunk).
    public static let malformedChunkedBody = RejectReason("malformed_chunked_body")
    /// A WARC payload's gzip or deflate body (`Content-Encoding` or `Transfer-Encoding`) is
    /// corrupt or cut short.
    public static let corruptContentEncoding = RejectReason("corrupt_content_encoding")
}
