/// Where one example's record lies: a shard of the index, a frame of that shard, and a byte
/// offset inside the decompressed frame (the record is `ExampleIndex.recordBytes` long).
public struct ExampleLocation: Sendable, Hashable {
    /// The shard, as a position in `ExampleIndex.shards`.
    public var shard: Int
    /// The frame inside the shard.
    public var frame: Int
    /// The byte offset of the record in the decompressed frame.
    public var offset: Int
    /// The frame's number across the whole dataset (shards in catalog order, then frames).
    public var globalFrame: Int

    /// Creates a location.
    public init(shard: Int, frame: Int, offset: Int, globalFrame: Int) {
        self.shard = shard
        self.frame = frame
        self.offset = offset
        self.globalFrame = globalFrame
    }
}
