import PretextCore
import PretextStore

/// Writes an examples dataset for the toy model: `count` examples of up to 8 token ids below
/// `vocabulary`, `label` 1 when more than half of them are odd (linear in the bag of ids).
func writeToyExamples(at root: String, count: Int, vocabulary: Int = 16) throws {
    let schema = try RecordSchema([
        .init("input_ids", .uint16, count: 8), .init("length", .uint16), .init("label", .uint8),
    ])
    var random = SplitMix64(seed: 99)
    try writeExamples(at: root, schema: schema, count: count) { _ in
        let length = 2 + Int(random.next() % 7)
        let ids = (0..<8).map { $0 < length ? Int(random.next() % UInt64(vocabulary)) : 0 }
        let odd = ids.prefix(length).filter { $0 % 2 == 1 }.count
        return littleEndian(ids) + littleEndian([length]) + [2 * odd > length ? 1 : 0]
    }
}
