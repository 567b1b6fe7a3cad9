import PretextCore
import PretextStore

extension ShardUnit {
    /// The document shards of the input dataset (`plan(_:stage:)`), laid end to end and cut
    /// into one stretch of equal decompressed bytes per task (`ContiguousSplit`), each cut at
    /// the nearest frame boundary: two tasks share shards of unequal size evenly, and at most
    /// `worldSize - 1` shards are split (the rest stay whole, so annotating stages still link
    /// them). Deterministic for the same dataset and world size.
    ///
    /// - Throws: as `plan(_:stage:)`; `.corrupt` for a shard whose seek table cannot be read.
    public static func planTasks(_ input: StageInput, stage: String, worldSize: Int) throws -> [[ShardUnit]] {
        let units = try plan(input, stage: stage)
        guard worldSize > 1 else { return [units] }
        let frames = try units.map { unit in
            try ShardReader(path: unit.dataset.path(unit.path)).seekTable.entries
        }
        // Frame boundaries of each shard, in decompressed bytes from its start.
        let boundaries = frames.map { entries in
            entries.reduce(into: [Int64(0)]) { $0.append($0.last! + Int64($1.decompressedSize)) }
        }
        let sizes = boundaries.map { $0.last! }
        let pieces = ContiguousSplit.pieces(sizes: sizes, worldSize: worldSize) { item, offset in
            nearest(offset, in: boundaries[item])
        }
        return ContiguousSplit.tasks(pieces, worldSize: worldSize) { piece in
            let unit = units[piece.item]
            guard !piece.isWhole(size: sizes[piece.item]) else { return unit }
            // Both ends are boundaries (snapped cuts or the shard's ends), so they are found.
            let first = boundaries[piece.item].firstIndex(of: piece.range.lowerBound)!
            let end = boundaries[piece.item].firstIndex(of: piece.range.upperBound)!
            let bytes = frames[piece.item][first..<end].reduce(Int64(0)) { $0 + Int64($1.compressedSize) }
            return ShardUnit(
                dataset: unit.dataset, path: unit.path, shardID: unit.shardID, bytes: bytes, frames: first..<end)
        }
    }

    /// The value of the sorted `boundaries` nearest `offset` (the lower one on a tie).
    private static func nearest(_ offset: Int64, in boundaries: [Int64]) -> Int64 {
        var low = 0
        var high = boundaries.count - 1
        while low < high {
            let middle = (low + high) / 2
            if boundaries[middle] < offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return boundaries[low] }
        return offset - boundaries[low - 1] <= boundaries[low] - offset ? boundaries[low - 1] : boundaries[low]
    }
}
