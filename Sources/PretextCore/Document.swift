/// One document of a corpus: the unit every document stage reads and writes.
///
/// On disk a document is one JSON line `{"id", "text", "source", "meta": {…}}` in a
/// document shard (see `docs/formats.md`); `meta` keeps every field of the input record
/// that was not the text or the id, as raw JSON.
public struct Document: Sendable, Equatable {
    /// A stable identifier: the input's own id, or one generated from file and line.
    public var id: String
    /// The text, valid Unicode.
    public var text: String
    /// Where the document came from (the input file path, or a configured source name).
    public var source: String
    /// The other fields of the input record, as a raw JSON object (`{}` when none).
    public var metaJSON: String

    /// Creates a document.
    public init(id: String, text: String, source: String, metaJSON: String = "{}") {
        self.id = id
        self.text = text
        self.source = source
        self.metaJSON = metaJSON
    }
}
