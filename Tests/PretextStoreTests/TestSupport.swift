import PretextCore
import PretextStore

/// JSON-line records of random lengths, each ending in "\n", with no other newline.
func makeRecords(count: Int, maxLength: Int, seed: UInt64) -> [[UInt8]] {
    var rng = SplitMix64(seed: seed)
    let words = ["alpha", "beta", "gamma", "delta", "corpus", "token", "的", "文本", "shard", "frame"]
    return (0..<count).map { index in
        let target = Int.random(in: 1...maxLength, using: &rng)
        var text = ""
        while text.utf8.count < target { text += words.randomElement(using: &rng)! + " " }
        return Array("{\"id\":\"d\(index)\",\"text\":\"\(text)\"}\n".utf8)
    }
}

/// Writes `records` to a shard and returns the summary and each record's location.
func writeShard(
    _ records: [[UInt8]], directory: String, name: String = "test.jsonl.zst", frameSize: Int = 4096
) throws -> (ShardSummary, [RecordLocation]) {
    let writer = try ShardWriter(directory: directory, name: name, frameSize: frameSize)
    var locations: [RecordLocation] = []
    for record in records {
        let (frame, offset) = try record.withUnsafeBytes { try writer.append($0) }
        locations.append(RecordLocation(frame: frame, offset: offset, length: record.count))
    }
    return (try writer.finish(), locations)
}
