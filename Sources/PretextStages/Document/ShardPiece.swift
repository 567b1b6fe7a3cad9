import PretextStore

/// A run of consecutive frames of one input shard: a unit of work finer than a shard, for
/// readers that spread a few large shards over several threads.
struct ShardPiece: Sendable {
    /// The shard.
    let unit: ShardUnit
    /// Its frames in this piece.
    let frames: Range<Int>
    /// The frames' decompressed bytes.
    let bytes: Int

    /// `units` cut into pieces of whole frames of about `total / (threads × 4)` bytes each
    /// (at least one frame), largest first: handed out in that order to whichever thread is
    /// free, they keep every thread busy to the end.
    static func pieces(of units: [ShardUnit], threads: Int) throws -> [ShardPiece] {
        var sizes: [(unit: ShardUnit, frames: [Int])] = []
        for unit in units {
            let reader = try ShardReader(path: unit.dataset.path(unit.path))
            sizes.append((unit, (0..<reader.frameCount).map(reader.frameSize)))
        }
        let total = sizes.reduce(0) { $0 + $1.frames.reduce(0, +) }
        let target = max(1, total / max(1, threads * 4))
        var pieces: [ShardPiece] = []
        for (unit, frames) in sizes {
            var start = 0
            var bytes = 0
            for (index, size) in frames.enumerated() {
                bytes += size
                if bytes >= target || index == frames.count - 1 {
                    pieces.append(ShardPiece(unit: unit, frames: start..<index + 1, bytes: bytes))
                    start = index + 1
                    bytes = 0
                }
            }
        }
        return pieces.sorted { $0.bytes > $1.bytes }
    }
}
