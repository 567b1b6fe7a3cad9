/// One line of a dataset's `rejects/` files: why an input record or document was dropped.
///
/// Encoded as `{"stage","reason","input","line","offset","detail","raw","raw_bytes"}`:
/// `line` is `null` for file-level failures; `raw` holds the offending bytes cut to a cap
/// (default 4096, on a character boundary) as a JSON string when they are valid UTF-8,
/// otherwise the key is `raw_base64` and the value is base64; `raw_bytes` is the length of
/// the offending bytes before the cap, so a reader can tell the raw field was cut.
public struct RejectRecord: Sendable, Equatable {
    /// The default cap on the bytes kept in `raw`.
    public static let defaultRawCap = 4096

    /// The stage that dropped the record (`ingest`, `quality`, …).
    public var stage: String
    /// Why it was dropped.
    public var reason: RejectReason
    /// The input file (or dataset shard) the record came from.
    public var input: String
    /// The 1-based line in `input`, or `nil` when not line-based or file-level.
    public var line: Int?
    /// The byte offset of the record in `input` (decompressed stream for compressed files;
    /// compressed offset for damaged-stream rejects).
    public var offset: Int64
    /// A human-readable explanation; never contains corpus text.
    public var detail: String
    /// The offending bytes (may already be capped by the producer).
    public var raw: [UInt8]
    /// The length of the offending bytes before any cap (defaults to `raw.count`).
    public var rawLength: Int

    /// Creates a reject record.
    public init(
        stage: String, reason: RejectReason, input: String, line: Int?, offset: Int64,
        detail: String, raw: [UInt8] = [], rawLength: Int? = nil
    ) {
        self.stage = stage
        self.reason = reason
        self.input = input
        self.line = line
        self.offset = offset
        self.detail = detail
        self.raw = raw
        self.rawLength = rawLength ?? raw.count
    }

    /// Appends this record as one JSON line (newline included) to `output`.
    /// - Parameter rawCap: the most bytes of `raw` to keep.
    public func append(to output: inout [UInt8], rawCap: Int = RejectRecord.defaultRawCap) {
        appendKey("{\"stage\":", to: &output)
        JSONStringEncoder.appendQuoted(stage, to: &output)
        appendKey(",\"reason\":", to: &output)
        JSONStringEncoder.appendQuoted(reason.name, to: &output)
        appendKey(",\"input\":", to: &output)
        JSONStringEncoder.appendQuoted(input, to: &output)
        appendKey(",\"line\":", to: &output)
        appendKey(line.map { String($0) } ?? "null", to: &output)
        appendKey(",\"offset\":\(offset),\"detail\":", to: &output)
        JSONStringEncoder.appendQuoted(detail, to: &output)
        raw.withUnsafeBytes { appendRaw($0, cap: rawCap, to: &output) }
        appendKey(",\"raw_bytes\":\(rawLength)}\n", to: &output)
    }

    /// This record as one JSON line, newline included.
    public func encoded(rawCap: Int = RejectRecord.defaultRawCap) -> [UInt8] {
        var output: [UInt8] = []
        append(to: &output, rawCap: rawCap)
        return output
    }

    private func appendRaw(_ bytes: UnsafeRawBufferPointer, cap: Int, to output: inout [UInt8]) {
        let cut = UTF8Validation.boundary(atOrBefore: cap, in: bytes)
        let kept = UnsafeRawBufferPointer(rebasing: bytes[..<cut])
        if UTF8Validation.isValid(kept) {
            appendKey(",\"raw\":", to: &output)
            JSONStringEncoder.appendQuoted(kept, to: &output)
        } else {
            // Invalid UTF-8 cannot go into a JSON string; keep the exact bytes as base64.
            let exact = UnsafeRawBufferPointer(rebasing: bytes[..<min(max(cap, 0), bytes.count)])
            appendKey(",\"raw_base64\":\"", to: &output)
            Base64.append(exact, to: &output)
            output.append(UInt8(ascii: "\""))
        }
    }

    private func appendKey(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }
}
