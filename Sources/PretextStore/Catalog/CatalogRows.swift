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

    /// The kind named `name`, or `nil` when unknown.
    public static func named(_ name: String) -> ShardKind? {
        [documents, rejects, examples].first { $0.name == name }
    }

    /// Whether records of this kind end with a `\n` separator.
    public var isLineSeparated: Bool { self != .examples }
}

/// A row of `shards`.
public struct ShardRow: Sendable, Equatable {
    /// The catalog id (`nil` before insertion).
    public var id: Int64?
    /// The path relative to the dataset root (`shards/…`, `rejects/…`).
    public var path: String
    /// What the shard holds (`documents`, `rejects`, `examples`).
    public var kind: String
    /// The pipeline step that wrote it.
    public var step: Int
    /// The stage that wrote it.
    public var stage: String
    /// The rank (task) that wrote it.
    public var rank: Int
    /// Records in the shard.
    public var records: Int
    /// zstd frames (seek table excluded).
    public var frames: Int
    /// Decompressed bytes.
    public var bytesRaw: Int
    /// File size.
    public var bytesCompressed: Int
    /// XXH64 of the file, 16 hex digits.
    public var checksum: String
    /// The writer's frame size bound.
    public var frameSize: Int?
    /// The zstd level.
    public var compressionLevel: Int?

    /// Creates a row.
    public init(
        id: Int64? = nil, path: String, kind: String, step: Int, stage: String, rank: Int, records: Int,
        frames: Int, bytesRaw: Int, bytesCompressed: Int, checksum: String, frameSize: Int? = nil,
        compressionLevel: Int? = nil
    ) {
        self.id = id
        self.path = path
        self.kind = kind
        self.step = step
        self.stage = stage
        self.rank = rank
        self.records = records
        self.frames = frames
        self.bytesRaw = bytesRaw
        self.bytesCompressed = bytesCompressed
        self.checksum = checksum
        self.frameSize = frameSize
        self.compressionLevel = compressionLevel
    }
}

/// The catalog fields of one document; the writer adds its shard location.
public struct DocumentRow: Sendable, Equatable {
    /// The document id.
    public var id: String
    /// Where it came from.
    public var source: String?
    /// The 1-based line (or record number) in the input file.
    public var inputLine: Int?
    /// UTF-8 bytes of the text.
    public var bytes: Int?
    /// Unicode scalars in the text.
    public var chars: Int?
    /// Language code.
    public var lang: String?
    /// Language score (0…1).
    public var langScore: Double?
    /// Word count.
    public var words: Int?
    /// Sentence count.
    public var sentences: Int?
    /// Line count.
    public var lines: Int?
    /// Paragraph count.
    public var paragraphs: Int?
    /// Token count.
    public var tokens: Int?
    /// Sentence boundaries (encoding defined by the stage that writes them).
    public var sentenceBounds: [UInt8]?
    /// Near-duplicate cluster id.
    public var dupCluster: Int?
    /// Extra signal columns (added with `Catalog.ensureColumn`), by column name.
    public var signals: [(name: String, value: SQLValue)]
    /// The row's rowid in the catalog it was read from (set by readers, never written:
    /// the output catalog numbers its own rows).
    public var rowID: Int64?

    /// Creates a row.
    public init(
        id: String, source: String? = nil, inputLine: Int? = nil, bytes: Int? = nil, chars: Int? = nil,
        lang: String? = nil, langScore: Double? = nil, words: Int? = nil, sentences: Int? = nil,
        lines: Int? = nil, paragraphs: Int? = nil, tokens: Int? = nil, sentenceBounds: [UInt8]? = nil,
        dupCluster: Int? = nil, signals: [(name: String, value: SQLValue)] = []
    ) {
        self.id = id
        self.source = source
        self.inputLine = inputLine
        self.bytes = bytes
        self.chars = chars
        self.lang = lang
        self.langScore = langScore
        self.words = words
        self.sentences = sentences
        self.lines = lines
        self.paragraphs = paragraphs
        self.tokens = tokens
        self.sentenceBounds = sentenceBounds
        self.dupCluster = dupCluster
        self.signals = signals
    }

    public static func == (lhs: DocumentRow, rhs: DocumentRow) -> Bool {
        lhs.id == rhs.id && lhs.source == rhs.source && lhs.inputLine == rhs.inputLine && lhs.bytes == rhs.bytes
            && lhs.chars == rhs.chars && lhs.lang == rhs.lang && lhs.langScore == rhs.langScore
            && lhs.words == rhs.words && lhs.sentences == rhs.sentences && lhs.lines == rhs.lines
            && lhs.paragraphs == rhs.paragraphs && lhs.tokens == rhs.tokens
            && lhs.sentenceBounds == rhs.sentenceBounds && lhs.dupCluster == rhs.dupCluster
            && lhs.signals.map(\.name) == rhs.signals.map(\.name)
            && lhs.signals.map(\.value) == rhs.signals.map(\.value)
    }
}

/// A row of `drops`: a document or input record a stage did not pass on, with the reason.
public struct DropRow: Sendable, Equatable {
    /// The document id, if known.
    public var document: String?
    /// The stage that dropped it (the writer fills its own stage when `nil`).
    public var stage: String?
    /// Why (a `RejectReason` name or a rule name).
    public var reason: String
    /// More detail (a rule's measured value); never corpus text.
    public var detail: String?
    /// The input file.
    public var input: String?
    /// The 1-based line in the input file.
    public var inputLine: Int?
    /// The byte offset in the input file.
    public var inputOffset: Int?

    /// Creates a row.
    public init(
        document: String? = nil, stage: String? = nil, reason: String, detail: String? = nil, input: String? = nil,
        inputLine: Int? = nil, inputOffset: Int? = nil
    ) {
        self.document = document
        self.stage = stage
        self.reason = reason
        self.detail = detail
        self.input = input
        self.inputLine = inputLine
        self.inputOffset = inputOffset
    }
}

/// The counts a task reports when it finishes; stored in `runs`.
public struct RunCounts: Sendable, Equatable {
    /// Documents read.
    public var docsIn: Int
    /// Documents written (`nil`: the number the writer stored).
    public var docsOut: Int?
    /// Documents dropped (`nil`: the number of rejects the writer stored).
    public var docsRejected: Int?
    /// Input files read.
    public var filesIn: Int?
    /// Input bytes read.
    public var bytesIn: Int?

    /// Creates counts.
    public init(docsIn: Int, docsOut: Int? = nil, docsRejected: Int? = nil, filesIn: Int? = nil, bytesIn: Int? = nil) {
        self.docsIn = docsIn
        self.docsOut = docsOut
        self.docsRejected = docsRejected
        self.filesIn = filesIn
        self.bytesIn = bytesIn
    }
}

/// A row of `runs`: one task of one stage step.
public struct RunRow: Sendable, Equatable {
    /// The pipeline step.
    public var step: Int
    /// The stage name.
    public var stage: String
    /// A hash of the stage's configuration; a re-run with another hash is not skipped.
    public var configHash: String
    /// The task's rank.
    public var rank: Int
    /// The number of tasks.
    public var worldSize: Int
    /// `running`, `done` or `failed`.
    public var status: String
    /// Documents read.
    public var docsIn: Int?
    /// Documents written.
    public var docsOut: Int?
    /// Documents dropped.
    public var docsRejected: Int?
    /// Input files.
    public var filesIn: Int?
    /// Input bytes.
    public var bytesIn: Int?
    /// Output bytes (uncompressed).
    public var bytesOut: Int?
    /// Start time (ISO 8601, UTC).
    public var startedAt: String?
    /// Finish time (ISO 8601, UTC).
    public var finishedAt: String?
}
