import PretextCore
import PretextStore
import PretextTestSupport

@testable import PretextLoader

/// The schema of the test examples: a sequence of 16, a length, and the example's own number.
let testSchema = try! RecordSchema([
    .init("input_ids", .int32, count: 16), .init("segment_ids", .uint8, count: 16), .init("length", .uint16),
    .init("label", .int32),
])

/// The record of example `index` of a dataset `tag`: `input_ids[t] = tag × 1_000_000 + index × 16 + t`,
/// `segment_ids[t] = t % 2`, `length = 1 + index % 16`, `label = index`.
func testRecord(_ index: Int, tag: Int = 0) -> [UInt8] {
    var bytes: [UInt8] = []
    for position in 0..<16 { append(Int32(tag * 1_000_000 + index * 16 + position), to: &bytes) }
    for position in 0..<16 { bytes.append(UInt8(position % 2)) }
    append(UInt16(1 + index % 16), to: &bytes)
    append(Int32(index), to: &bytes)
    return bytes
}

func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
}

/// Writes an `examples` dataset of `count` records made by `record` (default `testRecord`) at
/// `root`, with frames of `frameBytes` and shards of `shardBytes` (many frames, several shards),
/// over `ranks` writer ranks (merged).
@discardableResult
func writeExamples(
    at root: String, count: Int, schema: RecordSchema = testSchema, frameBytes: Int = 1024, shardBytes: Int = 8192,
    ranks: Int = 1, record: (Int) -> [UInt8] = { testRecord($0) }
) throws -> Dataset {
    let dataset = try Dataset.create(at: root)
    for rank in 0..<ranks {
        let writer = DatasetPartWriter(
            dataset: dataset,
            configuration: DatasetPartWriter.Configuration(
                step: 1, stage: "examples", rank: rank, worldSize: ranks, configHash: "test", outputKind: .examples,
                frameSize: frameBytes, shardBytes: shardBytes))
        _ = try writer.begin()
        try writer.catalog!.setRecordSchema(schema)
        let share = (count * rank / ranks)..<(count * (rank + 1) / ranks)
        for index in share { try record(index).withUnsafeBytes { try writer.addRecord($0) } }
        try writer.finish(counts: RunCounts(docsIn: share.count))
    }
    try DatasetMerger.merge(dataset: dataset, step: 1, stage: "examples", configHash: "test", worldSize: ranks)
    return dataset
}

/// A loader over the datasets at `roots` (sources named a, b, c, … with `weights`).
func makeLoader(
    _ roots: [String], weights: [Double]? = nil, batchSize: Int = 8, rank: Int = 0, worldSize: Int = 1,
    seed: UInt64 = 7, order: ExampleOrder = .shuffled(window: .frames(2)), padding: Padding = .fixed,
    workers: Int = 0, transform: (any ExampleTransform)? = nil, state: LoaderState? = nil
) throws -> DataLoader {
    let names = ["a", "b", "c", "d"]
    let sources = roots.enumerated().map { index, root in
        LoaderSource(dataset: root, name: names[index], weight: weights?[index] ?? 1)
    }
    let configuration = LoaderConfiguration(
        sources: sources, batchSize: batchSize, rank: rank, worldSize: worldSize, seed: seed, order: order,
        padding: padding, workers: workers, transform: transform)
    return try DataLoader(configuration, state: state)
}

/// The next `count` batches of `loader`.
func take(_ count: Int, from loader: DataLoader) throws -> [Batch] {
    try (0..<count).map { _ in try loader.next() }
}

/// The `label` values (example numbers) of a batch.
func labels(_ batch: Batch) -> [Int] {
    batch["label"]!.values.map(Int.init)
}
