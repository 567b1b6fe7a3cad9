/// What a finished shard holds; the values registered in the catalog's `shards` row.
public struct ShardSummary: Sendable, Equatable {
    /// The final path of the shard file.
    public var path: String
    /// Records appended.
    public var records: Int
    /// zstd frames written (seek table excluded).
    public var frames: Int
    /// Decompressed bytes (the records' total size).
    public var bytesRaw: Int
    /// The file's size, seek table included.
    public var bytesCompressed: Int
    /// XXH64 (seed 0) of the whole file.
    public var xxh64: UInt64

    /// Creates a summary.
    public init(path: String, records: Int, frames: Int, bytesRaw: Int, bytesCompressed: Int, xxh64: UInt64) {
        self.path = path
        self.records = records
        self.frames = frames
        self.bytesRaw = bytesRaw
        self.bytesCompressed = bytesCompressed
        self.xxh64 = xxh64
    }

    /// `xxh64` as the catalog's 16 hex digits.
    public var checksumHex: String { XXH64.hex(xxh64) }
}

/// Where a record sits in a shard.
public struct RecordLocation: Sendable, Hashable {
    /// The frame index.
    public var frame: Int
    /// The byte offset inside the decompressed frame.
    public var offset: Int
    /// The record's length in bytes, separator included.
    public var length: Int

    /// Creates a location.
    public init(frame: Int, offset: Int, length: Int) {
        self.frame = frame
        self.offset = offset
        self.length = length
    }
}
