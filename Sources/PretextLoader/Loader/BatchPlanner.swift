/// Turns the mixed stream into one rank's batches: partitioning at consumption time.
///
/// A step consumes `worldSize × batchSize` consecutive positions of the global stream; rank `r`
/// takes positions `r × batchSize ..< (r + 1) × batchSize` of them. Each position goes to a
/// source by the blending rule (`MixtureBlender`) and takes that source's next position; every
/// rank runs the rule over the whole step, so all ranks agree on the cursor after it. Because
/// the partition is made per step, the cursor is independent of the world size: a run restored
/// at another world size or batch size continues from the same position.
struct BatchPlanner: Sendable {
    let blender: MixtureBlender
    let batchSize: Int
    let worldSize: Int
    let rank: Int
    /// The cursor after the last planned batch.
    private(set) var cursor: LoaderCursor
    /// The sequence number of the next plan.
    private(set) var sequence = 0

    init(blender: MixtureBlender, batchSize: Int, worldSize: Int, rank: Int, cursor: LoaderCursor) {
        self.blender = blender
        self.batchSize = batchSize
        self.worldSize = worldSize
        self.rank = rank
        self.cursor = cursor
    }

    /// Restarts planning at `cursor`.
    mutating func reset(to cursor: LoaderCursor) {
        self.cursor = cursor
    }

    /// The plan of the rank's next batch.
    mutating func next() -> BatchPlan {
        let slice = (rank * batchSize)..<((rank + 1) * batchSize)
        let picks = blender.weights.count == 1 ? singleSourcePicks(slice) : blendedPicks(slice)
        cursor.position += worldSize * batchSize
        sequence += 1
        return BatchPlan(sequence: sequence - 1, picks: picks, cursorAfter: cursor)
    }

    /// One source: every position of the step is the source's.
    private mutating func singleSourcePicks(_ slice: Range<Int>) -> [SourcePick] {
        let first = cursor.taken[0]
        cursor.taken[0] += worldSize * batchSize
        return slice.map { SourcePick(source: 0, position: first + $0) }
    }

    /// Several sources: the blending rule over the whole step, keeping the rank's slice.
    private mutating func blendedPicks(_ slice: Range<Int>) -> [SourcePick] {
        var picks: [SourcePick] = []
        picks.reserveCapacity(batchSize)
        for offset in 0..<(worldSize * batchSize) {
            let source = blender.source(ofSample: cursor.position + offset, taken: cursor.taken)
            if slice.contains(offset) { picks.append(SourcePick(source: source, position: cursor.taken[source])) }
            cursor.taken[source] += 1
        }
        return picks
    }
}
