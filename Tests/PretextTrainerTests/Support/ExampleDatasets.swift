import PretextCore
import PretextStore

/// Writes an examples dataset of `count` records of `schema`, record `i` made by `record(i)`
/// (one rank, frames of 2 KiB).
func writeExamples(at root: String, schema: RecordSchema, count: Int, record: (Int) -> [UInt8]) throws {
    let dataset = try Dataset.create(at: root)
    let writer = DatasetPartWriter(
        dataset: dataset,
        configuration: DatasetPartWriter.Configuration(
            step: 1, stage: "examples", configHash: "test", outputKind: .examples, frameSize: 2048))
    _ = try writer.begin()
    try writer.catalog!.setRecordSchema(schema)
    for index in 0..<count { try record(index).withUnsafeBytes { try writer.addRecord($0) } }
    try writer.finish(counts: RunCounts(docsIn: count))
    try DatasetMerger.merge(dataset: dataset, step: 1, stage: "examples", configHash: "test", worldSize: 1)
}

/// `values` as little-endian `uint16`s.
func littleEndian(_ values: [Int]) -> [UInt8] {
    values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
}
