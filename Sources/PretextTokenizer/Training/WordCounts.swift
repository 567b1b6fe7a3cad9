import PretextCore

/// How many times each word occurs in the training texts: what every trainer learns from.
///
/// Words are the pre-tokenizer's pieces as UTF-8 bytes (for byte-level BPE the raw pieces; the
/// byte alphabet is applied when training). Counts add up across tasks (`merge`) and travel
/// between them as a compact binary run (`encoded`).
public struct WordCounts: Sendable {
    private var table = WordTable()

    /// An empty table.
    public init() {}

    /// An estimate of the memory the table takes, to decide when a task spills it.
    public var estimatedBytes: Int { table.memoryBytes }

    /// The number of distinct words.
    public var count: Int { table.count }

    /// Adds `count` occurrences of `word`.
    public mutating func add(_ word: String, count: UInt64 = 1) {
        var word = word
        word.withUTF8 { table.add(UnsafeRawBufferPointer($0), count: count) }
    }

    /// Adds `count` occurrences of the word whose UTF-8 bytes are `bytes`.
    mutating func add(bytes: UnsafeRawBufferPointer, count: UInt64 = 1) {
        table.add(bytes, count: count)
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: WordCounts) {
        other.table.forEach { table.add($0, count: $1) }
    }

    /// Calls `body` with every word's bytes and count.
    func forEach(_ body: (UnsafeRawBufferPointer, UInt64) throws -> Void) rethrows {
        try table.forEach(body)
    }

    /// The counts by word.
    public var counts: [String: UInt64] {
        var result: [String: UInt64] = [:]
        table.forEach { result[String(decoding: $0, as: UTF8.self), default: 0] += $1 }
        return result
    }

    /// The counts as a run: for each word, its UTF-8 length (UInt32 LE), its bytes and its count
    /// (UInt64 LE).
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(estimatedBytes)
        table.forEach { word, count in
            withUnsafeBytes(of: UInt32(word.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: word)
            withUnsafeBytes(of: count.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Counts read from a run written by `encoded`.
    ///
    /// - Throws: `PretextError(.corrupt)` for a run that ends inside an entry.
    public init(decoding bytes: [UInt8]) throws {
        try add(run: bytes)
    }

    /// Adds every count of a run written by `encoded`.
    ///
    /// - Throws: `PretextError(.corrupt)` for a run that ends inside an entry.
    public mutating func add(run bytes: [UInt8]) throws {
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                guard offset + 4 <= raw.count else { throw Self.truncated }
                let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                guard length <= raw.count - offset, raw.count - offset - length >= 8 else { throw Self.truncated }
                let word = UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length])
                offset += length
                table.add(word, count: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
        }
    }

    private static var truncated: PretextError {
        PretextError(.corrupt, "a word-count run ends inside an entry")
    }
}
