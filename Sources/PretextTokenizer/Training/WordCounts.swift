import PretextCore

/// How many times each word occurs in the training texts: what every trainer learns from.
///
/// Words are the pre-tokenizer's pieces as text (for byte-level BPE the raw pieces; the byte
/// alphabet is applied once per distinct word when training). Counts add up across tasks
/// (`merge`) and travel between them as a compact binary run (`encoded`).
public struct WordCounts: Sendable, Equatable {
    /// The counts.
    public private(set) var counts: [String: UInt64] = [:]
    /// An estimate of the memory the table takes, to decide when a task spills it.
    public private(set) var estimatedBytes = 0

    /// An empty table.
    public init() {}

    /// Adds `count` occurrences of `word`.
    public mutating func add(_ word: String, count: UInt64 = 1) {
        if let old = counts[word] {
            counts[word] = old &+ count
        } else {
            counts[word] = count
            estimatedBytes += word.utf8.count + 48
        }
    }

    /// Adds every count of `other`.
    public mutating func merge(_ other: WordCounts) {
        for (word, count) in other.counts { add(word, count: count) }
    }

    /// The number of distinct words.
    public var count: Int { counts.count }

    /// The counts as a run: for each word in byte order, its UTF-8 length (UInt32 LE), its bytes
    /// and its count (UInt64 LE).
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(estimatedBytes)
        for (word, count) in counts.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            withUnsafeBytes(of: UInt32(word.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: word.utf8)
            withUnsafeBytes(of: count.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Counts read from a run written by `encoded`.
    ///
    /// - Throws: `PretextError(.corrupt)` for a run that ends inside an entry.
    public init(decoding bytes: [UInt8]) throws {
        var offset = 0
        try bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                guard offset + 4 <= raw.count else { throw Self.truncated }
                let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
                offset += 4
                guard length <= raw.count - offset, raw.count - offset - length >= 8 else { throw Self.truncated }
                let word = String(
                    decoding: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + length]), as: UTF8.self)
                offset += length
                add(word, count: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
        }
    }

    private static var truncated: PretextError {
        PretextError(.corrupt, "a word-count run ends inside an entry")
    }
}
