import PretextCore
import PretextStore

/// One source as the assembler sees it: its name, its dataset's examples, those it selects
/// (storage order) and their order.
struct SourceContext: Sendable {
    let name: String
    let index: ExampleIndex
    let examples: Range<Int>
    let order: SourceOrder
}

/// Makes a batch from its plan: finds each row's example and record, reads the records frame by
/// frame, applies the transform, and converts the fields to `Int32` tensors.
///
/// A pure function of the plan and the data (the frames come from whichever thread decompressed
/// them), so every thread makes the same batch from the same plan.
struct BatchAssembler: Sendable {
    let sources: [SourceContext]
    /// The layout of the records collated (the transform's output, if any).
    let layout: BatchLayout
    /// Bytes of a stored record.
    let inputBytes: Int
    let transform: (any ExampleTransform)?
    let seed: UInt64
    let padding: Padding

    /// One row: which example, and where its record is.
    struct Row {
        let key: ExampleKey
        let location: ExampleLocation
    }

    /// The batch of `plan`, reading frames through `frames`.
    /// - Throws: the store's errors for damaged shards; `.malformedInput` for a value with no
    ///   `Int32` or a `length` outside 0 ... the sequence length; the transform's errors.
    func assemble(_ plan: BatchPlan, frames: FrameReader) throws -> Batch {
        let rows = resolve(plan.picks)
        var collation = Collation(layout: layout, rows: rows.count)
        var scratch = [UInt8](repeating: 0, count: transform == nil ? 0 : layout.recordBytes)
        // Frames another thread is decompressing are left for last (then waited for): this
        // thread decompresses or uses the others meanwhile.
        var later: [[Int]] = []
        for group in rotated(frameGroups(rows), by: plan.sequence) {
            let first = rows[group[0]]
            let source = sources[first.key.source]
            guard
                let frame = try frames.frameUnlessLoading(
                    source: first.key.source, index: source.index, location: first.location)
            else {
                later.append(group)
                continue
            }
            try collate(group, of: rows, from: frame, into: &collation, scratch: &scratch)
        }
        for group in later {
            let first = rows[group[0]]
            let source = sources[first.key.source]
            let frame = try frames.frame(source: first.key.source, index: source.index, location: first.location)
            try collate(group, of: rows, from: frame, into: &collation, scratch: &scratch)
        }
        return collation.batch(examples: rows.map(\.key), padding: padding)
    }

    /// Collates the rows of `group`, whose records are all in `frame`.
    private func collate(
        _ group: [Int], of rows: [Row], from frame: [UInt8], into collation: inout Collation, scratch: inout [UInt8]
    ) throws {
        let source = sources[rows[group[0]].key.source]
        try frame.withUnsafeBytes { bytes in
            for row in group {
                let record = try self.record(in: bytes, at: rows[row].location, source: source)
                try collate(record, row: row, key: rows[row].key, into: &collation, scratch: &scratch)
            }
        }
    }

    /// Each pick's example and location. Per source: one permutation per epoch in the batch, and
    /// the window of the last position reused while positions stay in its slot.
    private func resolve(_ picks: [SourcePick]) -> [Row] {
        var orders = [SourceEpochOrder?](repeating: nil, count: sources.count)
        return picks.map { pick in
            let order = sources[pick.source].order
            let epoch = pick.position / order.count
            if orders[pick.source]?.epoch != epoch {
                orders[pick.source] = SourceEpochOrder(epoch: epoch, permutation: order.permutation(epoch: epoch))
            }
            let source = sources[pick.source]
            let example =
                source.examples.lowerBound + orders[pick.source]!.example(atOffset: pick.position % order.count)
            let key = ExampleKey(source: pick.source, epoch: epoch, index: example)
            return Row(key: key, location: source.index.location(of: example))
        }
    }

    /// The rows grouped by frame, groups in storage order, so each frame is fetched once.
    /// Sorting by (source, example, row) is sorting by (source, frame, offset, row): examples
    /// are numbered in storage order.
    func frameGroups(_ rows: [Row]) -> [[Int]] {
        let sorted = rows.indices.map { (source: rows[$0].key.source, example: rows[$0].key.index, row: $0) }
            .sorted { ($0.source, $0.example, $0.row) < ($1.source, $1.example, $1.row) }
        var groups: [[Int]] = []
        var last: (source: Int, frame: Int)?
        for entry in sorted {
            let frame = rows[entry.row].location.globalFrame
            if let last, last == (entry.source, frame) {
                groups[groups.count - 1].append(entry.row)
            } else {
                groups.append([entry.row])
            }
            last = (entry.source, frame)
        }
        return groups
    }

    /// The groups from the `sequence`-th (modulo their count) on, then the first ones: threads
    /// assembling consecutive batches of one window start on different frames, and decompress
    /// them side by side instead of waiting for each other's (rows are filled by index, so the
    /// batch does not depend on the visiting order).
    private func rotated(_ groups: [[Int]], by sequence: Int) -> [[Int]] {
        guard groups.count > 1 else { return groups }
        let start = sequence % groups.count
        return Array(groups[start...] + groups[..<start])
    }

    /// The stored record at `location` of a decompressed frame.
    private func record(
        in frame: UnsafeRawBufferPointer, at location: ExampleLocation, source: SourceContext
    ) throws -> UnsafeRawBufferPointer {
        guard location.offset + inputBytes <= frame.count else {
            throw PretextError(
                .corrupt,
                "frame \(location.frame) of \(frame.count) bytes has no record at offset \(location.offset)",
                path: source.index.dataset.path(source.index.shards[location.shard].path))
        }
        return UnsafeRawBufferPointer(rebasing: frame[location.offset..<(location.offset + inputBytes)])
    }

    /// Transforms (if asked) and converts one record into row `row`.
    private func collate(
        _ record: UnsafeRawBufferPointer, row: Int, key: ExampleKey, into collation: inout Collation,
        scratch: inout [UInt8]
    ) throws {
        let path = sources[key.source].index.dataset.root
        guard let transform else { return try collation.add(record, row: row, key: key, path: path) }
        for index in scratch.indices { scratch[index] = 0 }
        try scratch.withUnsafeMutableBytes { try transform.transform(record, example: key, seed: seed, into: $0) }
        try scratch.withUnsafeBytes { try collation.add($0, row: row, key: key, path: path) }
    }
}
