import PretextStages
import Testing

/// `ContiguousSplit`: pieces tile every item, each rank gets one contiguous stretch, loads are
/// equal up to where the cuts could go.
@Suite struct ContiguousSplitTests {
    private func check(_ sizes: [Int64], worldSize: Int, snap: (Int, Int64) -> Int64) -> [Int64] {
        let pieces = ContiguousSplit.pieces(sizes: sizes, worldSize: worldSize, snap: snap)
        for (item, size) in sizes.enumerated() {
            let ranges = pieces.filter { $0.item == item }.map(\.range)
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == size, "item \(item)")
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        }
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.rank <= $1.rank }, "contiguous")
        var loads = [Int64](repeating: 0, count: worldSize)
        for piece in pieces { loads[piece.rank] += piece.range.upperBound - piece.range.lowerBound }
        return loads
    }

    @Test(arguments: [1, 2, 3, 5]) func freeCutsGiveEqualLoads(worldSize: Int) {
        let sizes: [Int64] = [80_422, 0, 43_720, 7, 1_000]
        let loads = check(sizes, worldSize: worldSize) { $1 }
        #expect(loads.max()! - loads.min()! <= 1)
    }

    @Test func anItemThatCannotBeCutGoesWholeToTheNearerSide() {
        let sizes: [Int64] = [10, 100, 10]
        let loads = check(sizes, worldSize: 2) { item, offset in
            item == 1 ? (offset * 2 < 100 ? 0 : 100) : offset
        }
        #expect(loads == [110, 10])
    }

    @Test func cutsSnapToFrameBoundaries() {
        // Two shards of unequal size, frames of 10.
        let sizes: [Int64] = [300, 100]
        let loads = check(sizes, worldSize: 2) { _, offset in (offset + 5) / 10 * 10 }
        #expect(loads == [200, 200])
        let pieces = ContiguousSplit.pieces(sizes: sizes, worldSize: 2) { _, offset in (offset + 5) / 10 * 10 }
        #expect(pieces.map(\.range) == [0..<200, 200..<300, 0..<100])
    }
}
