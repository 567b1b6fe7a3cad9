/// What a shard holds; stored in `shards.kind`.
public struct ShardKind: Hashable, Sendable, CustomStringConvertible {
    /// The stable name in the catalog.
    public let name: String
    /// The file extension of shards of this kind, after the name (`jsonl.zst`).
    public let fileExtension: String

    /// Creates a kind.
    public init(_ name: String, fileExtension: String) {
        self.name = name
        self.fileExtension = fileExtension
    }

    public var description: String { name }

    /// Document records, JSON lines: `{"id", "text", "source", "meta"}`.
    public static let documents = ShardKind("documents", fileExtension: "jsonl.zst")
    /// Rejected records, JSON lines, kept with their drop reason in the catalog.
    public static let rejects = ShardKind("rejects", fileExtension: "jsonl.zst")
    /// Binary example records (token ids), fixed little-endian layout.
    public static let examples = ShardKind("examples", fileExtension: "bin.zst")

    /// The kinds this build writes.
    public static let known = [documents, rejects, examples]

    /// The kind named `name`; a name this build does not know (a newer catalog) reads as a
    /// kind of that name with line-separated records and no file extension.
    public static func named(_ name: String) -> ShardKind {
        known.first { $0.name == name } ?? ShardKind(name, fileExtension: "")
    }

    /// Whether records of this kind end with a `\n` separator.
    public var isLineSeparated: Bool { self != .examples }
}
