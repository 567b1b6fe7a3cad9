/// A row of `shards`.
public struct ShardRow: Sendable, Equatable {
    /// The catalog id (`nil` before insertion).
    public var id: Int64?
    /// The path relative to the dataset root (`shards/…`, `rejects/…`).
    public var path: String
    /// What the shard holds.
    public var kind: ShardKind
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
        id: Int64? = nil, path: String, kind: ShardKind, step: Int, stage: String, rank: Int, records: Int,
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
