import PretextCore
import PretextStore

/// The examples of a dataset, numbered 0 ..< `count`: the records of its `examples` shards in
/// catalog order (shard id, then frame, then offset), each located without a per-example index.
///
/// Built from the shards' seek tables: one small entry per frame (its first example and its
/// shard), since a frame of fixed-size records holds `decompressed size / recordBytes` of them.
/// `location(of:)` finds an example's frame by binary search over those entries.
///
/// Memory: 12 bytes per frame (a 256 KiB frame of 1 KiB records: 12 bytes per 256 examples).
public struct ExampleIndex: Sendable {
    /// The dataset the examples come from.
    public let dataset: Dataset
    /// The layout of every record.
    public let schema: RecordSchema
    /// Bytes per record.
    public let recordBytes: Int
    /// The `examples` shards, in catalog order.
    public let shards: [ShardRow]
    /// The first example of each global frame, then the example count (frames + 1 entries).
    let frameStarts: [Int]
    /// The shard (position in `shards`) of each global frame.
    let frameShards: [Int32]
    /// The first global frame of each shard.
    let shardFirstFrames: [Int]
    /// The most examples a frame holds (that of a full frame), at least 1.
    public let examplesPerFrame: Int

    /// Assembles an index from its tables; `ExampleIndex(dataset:)` builds them.
    init(dataset: Dataset, schema: RecordSchema, recordBytes: Int, shards: [ShardRow], frameRecords: [[Int]]) {
        self.dataset = dataset
        self.schema = schema
        self.recordBytes = recordBytes
        self.shards = shards
        var starts = [0]
        var frameShards: [Int32] = []
        var firstFrames: [Int] = []
        for (shard, records) in frameRecords.enumerated() {
            firstFrames.append(frameShards.count)
            for count in records {
                starts.append(starts[starts.count - 1] + count)
                frameShards.append(Int32(shard))
            }
        }
        self.frameStarts = starts
        self.frameShards = frameShards
        self.shardFirstFrames = firstFrames
        self.examplesPerFrame = max(1, frameRecords.lazy.flatMap { $0 }.max() ?? 1)
    }

    /// The number of examples.
    public var count: Int { frameStarts[frameStarts.count - 1] }

    /// The number of frames across all shards.
    public var frameCount: Int { frameShards.count }

    /// The examples of global frame `frame`.
    public func examples(inFrame frame: Int) -> Range<Int> {
        frameStarts[frame]..<frameStarts[frame + 1]
    }

    /// The location of example `example` (0 ..< `count`).
    ///
    /// - Complexity: O(log frames).
    public func location(of example: Int) -> ExampleLocation {
        precondition(example >= 0 && example < count, "example \(example) is outside 0..<\(count)")
        let global = frame(containing: example)
        let shard = Int(frameShards[global])
        return ExampleLocation(
            shard: shard, frame: global - shardFirstFrames[shard],
            offset: (example - frameStarts[global]) * recordBytes, globalFrame: global)
    }

    /// The last frame whose first example is at most `example` (empty frames share their
    /// successor's start, so the last one is the frame that holds the example).
    ///
    /// No frame holds more than `examplesPerFrame` examples, so the frame is at least
    /// `example / examplesPerFrame`; only short frames (a shard's last) put it further, so a few
    /// steps forward from there usually find it, and a binary search over the rest does if not.
    func frame(containing example: Int) -> Int {
        var low = min(example / examplesPerFrame, frameCount - 1)
        for _ in 0..<8 {
            if low == frameCount - 1 || frameStarts[low + 1] > example { return low }
            low += 1
        }
        return frame(containing: example, from: low)
    }

    /// `frame(containing:)` by binary search over the frames from `low` on (the plain version,
    /// from 0, is what the tests compare the fast one with).
    func frame(containing example: Int, from low: Int) -> Int {
        var low = low
        var high = frameCount - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if frameStarts[middle] <= example { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
