import PretextCore
import PretextStore

/// Writes an examples dataset for the toy model: `count` examples of up to 8 token ids below
/// `vocabulary`, `label` 1 when more than half of them are odd (linear in the bag of ids).
func writeToyExamples(at root: String, count: Int, vocabulary: Int = 16) throws {
    let schema = try RecordSchema([
        .init("input_ids", .uint16, count: 8), .init("length", .uint16), .init("label", .uint8),
    ])
    let dataset = try Dataset.create(at: root)
    let writer = DatasetPartWriter(
        dataset: dataset,
        configuration: DatasetPartWriter.Configuration(
            step: 1, stage: "examples", rank: 0, worldSize: 1, configHash: "toy", outputKind: .examples,
            frameSize: 1024, shardBytes: 8192))
    _ = try writer.begin()
    try writer.catalog!.setRecordSchema(schema)
    var random = SplitMix64(seed: 99)
    for _ in 0..<count {
        let length = 2 + Int(random.next() % 7)
        let ids = (0..<8).map { $0 < length ? UInt16(random.next() % UInt64(vocabulary)) : 0 }
        let odd = ids.prefix(length).filter { $0 % 2 == 1 }.count
        var record: [UInt8] = []
        for id in ids { record += [UInt8(id & 0xFF), UInt8(id >> 8)] }
        record += [UInt8(length), 0, 2 * odd > length ? 1 : 0]
        try record.withUnsafeBytes { try writer.addRecord($0) }
    }
    try writer.finish(counts: RunCounts(docsIn: count))
    try DatasetMerger.merge(dataset: dataset, step: 1, stage: "examples", configHash: "toy", worldSize: 1)
}
