import PretextCore

/// Options of the ingest readers; defaults follow datatrove where it has one.
public struct IngestOptions: Sendable, Equatable, OptionSettings {
    /// How plain-text files are split into documents.
    public enum TextMode: String, Sendable, Equatable, CaseIterable, OptionChoice {
        /// One document per file; id = the path.
        case file
        /// One document per blank-line-separated block; id = `path#N` (N from 0).
        case blocks
    }

    /// The JSONL field holding the text (datatrove `text_key`). Default `"text"`.
    public var textKey: String = "text"
    /// The JSONL field holding the id (datatrove `id_key`). Default `"id"`.
    public var idKey: String = "id"
    /// How text files become documents. Default `.file`.
    public var textMode: TextMode = .file
    /// The largest document text kept, in UTF-8 bytes; larger ones are rejected as
    /// `too_large`. Default 8 MiB: above the longest books (about 5 MB), far below memory
    /// trouble. datatrove has no such limit; dolma's taggers choke past a few MB.
    public var maxDocumentBytes: Int = 8 << 20
    /// The longest input line kept (JSONL, text blocks, WARC headers). Default 64 MiB.
    public var maxLineBytes: Int = LineReader.defaultMaxLineBytes
    /// The largest WARC record block read into memory; larger records are skipped and
    /// rejected as `too_large`. Default 64 MiB.
    public var maxWARCRecordBytes: Int = 64 << 20
    /// The most bytes of an offending record kept in a reject's `raw`. Default 4096.
    public var rejectRawBytes: Int = 4096
    /// The deepest JSON nesting accepted in a JSONL record. Default 128.
    public var maxJSONDepth: Int = 128

    /// Creates options with the defaults.
    public init() {}
}
