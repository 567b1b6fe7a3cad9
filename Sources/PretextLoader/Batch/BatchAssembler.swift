import PretextCore
import PretextStore

/// One source as the assembler sees it: its name, its examples and their order.
struct SourceContext: Sendable {
    let name: String
    let index: ExampleIndex
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
    private struct Row {
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
        for group in frameGroups(rows) {
            let first = rows[group[0]]
            let source = sources[first.key.source]
            let frame = try frames.frame(source: first.key.source, index: source.index, location: first.location)
            try frame.withUnsafeBytes { bytes in
                for row in group {
                    let record = try self.record(in: bytes, at: rows[row].location, source: source)
                    try collate(record, row: row, key: rows[row].key, into: &collation, scratch: &scratch)
                }
            }
        }
        return collation.batch(examples: rows.map(\.key), padding: padding)
    }

    /// Each pick's example and location (one permutation per source and epoch in the batch).
    private func resolve(_ picks: [SourcePick]) -> [Row] {
        var permutations: [Int: (epoch: Int, permutation: WindowedPermutation?)] = [:]
        return picks.map { pick in
            let order = sources[pick.source].order
            let epoch = pick.position / order.count
            if permutations[pick.source]?.epoch != epoch {
                permutations[pick.source] = (epoch, order.permutation(epoch: epoch))
            }
            let offset = pick.position % order.count
            let example = permutations[pick.source]?.permutation.map { $0(offset) } ?? offset
            let key = ExampleKey(source: pick.source, epoch: epoch, index: example)
            return Row(key: key, location: sources[pick.source].index.location(of: example))
        }
    }

    /// The rows grouped by frame, groups in storage order, so each frame is fetched once.
    private func frameGroups(_ rows: [Row]) -> [[Int]] {
        let sorted = rows.indices.sorted {
            let a = rows[$0]
            let b = rows[$1]
            return (a.key.source, a.location.globalFrame, a.location.offset, $0)
                < (b.key.source, b.location.globalFrame, b.location.offset, $1)
        }
        var groups: [[Int]] = []
        for row in sorted {
            if let last = groups.last?.last, rows[last].key.source == rows[row].key.source,
                rows[last].location.globalFrame == rows[row].location.globalFrame
            {
                groups[groups.count - 1].append(row)
            } else {
                groups.append([row])
            }
        }
        return groups
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
