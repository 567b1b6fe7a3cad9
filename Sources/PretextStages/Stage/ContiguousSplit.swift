/// Cuts items laid end to end, in planned order, into `worldSize` stretches of equal size, one
/// per rank: McNaughton's wrap-around rule. Every rank gets one contiguous stretch (its input
/// read in order), at most `worldSize - 1` items are cut, and each cut is moved to a place the
/// item allows (a line start, a frame boundary, or the item's ends for an item that cannot be
/// cut). Deterministic for the same sizes and world size.
public enum ContiguousSplit {
    /// A piece of one item, for one rank.
    public struct Piece: Sendable, Equatable {
        /// The item's index in the planned order.
        public var item: Int
        /// The piece's offsets inside the item (`0..<0` for an empty item).
        public var range: Range<Int64>
        /// The rank that reads it.
        public var rank: Int

        /// Whether the piece is its whole item (of `size` bytes).
        public func isWhole(size: Int64) -> Bool { range.lowerBound == 0 && range.upperBound == size }
    }

    /// The pieces of items of `sizes`, item by item, each item's pieces in order.
    ///
    /// - Parameters:
    ///   - sizes: each item's size (bytes; non-negative).
    ///   - worldSize: the number of ranks (at least 1).
    ///   - snap: where a cut at offset `x` of item `i` may go: `snap(i, x)`, non-decreasing in
    ///     `x`, within `0...size`. Return 0 or the size for an item that cannot be cut.
    public static func pieces(
        sizes: [Int64], worldSize: Int, snap: (_ item: Int, _ offset: Int64) -> Int64
    ) -> [Piece] {
        let ranks = max(1, worldSize)
        let total = sizes.reduce(0, +)
        // The k-th cut lies at k·total/ranks; Double keeps the product from overflowing.
        let cuts = (0...ranks).map { Int64((Double(total) * Double($0) / Double(ranks)).rounded(.down)) }
        var pieces: [Piece] = []
        var position: Int64 = 0
        for (item, size) in sizes.enumerated() {
            var rank = cuts.lastIndex { $0 <= position }.map { min($0, ranks - 1) } ?? 0
            var lower: Int64 = 0
            while rank + 1 < ranks, cuts[rank + 1] < position + size {
                let cut = min(max(snap(item, cuts[rank + 1] - position), lower), size)
                if cut > lower { pieces.append(Piece(item: item, range: lower..<cut, rank: rank)) }
                lower = cut
                rank += 1
            }
            if lower < size || size == 0 { pieces.append(Piece(item: item, range: lower..<size, rank: rank)) }
            position += size
        }
        return pieces
    }

    /// Groups `pieces` by rank: the units `unit(piece)` of each rank `0..<worldSize`, in order.
    public static func tasks<Unit>(
        _ pieces: [Piece], worldSize: Int, unit: (Piece) throws -> Unit
    ) rethrows
        -> [[Unit]]
    {
        var tasks = [[Unit]](repeating: [], count: max(1, worldSize))
        for piece in pieces { tasks[piece.rank].append(try unit(piece)) }
        return tasks
    }
}
