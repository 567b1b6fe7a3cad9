import Foundation
import PretextCore
import PretextStore

/// A fresh temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "pretext-store-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }
}

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

/// Runs a program and returns its standard output and exit status.
func runProcess(_ executable: String, _ arguments: [String]) throws -> (Data, Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (data, process.terminationStatus)
}

/// Flips one bit of the byte at `offset` in a file.
func flipByte(_ path: String, at offset: Int) throws {
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[offset] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
