import Dispatch

/// Encodes texts to ids with one tokenizer on one thread, remembering the pieces it has seen:
/// the fast way to tokenize a corpus (the `tokenize` stage uses one per task).
public struct TokenEncoder: Sendable {
    /// The tokenizer.
    public let tokenizer: Tokenizer
    private var cache: PieceCache

    /// An encoder of `tokenizer`.
    public init(_ tokenizer: Tokenizer) { self.init(tokenizer, cacheCapacity: 1 << 15) }

    /// An encoder whose cache holds at most `cacheCapacity` pieces (tests make it small so that
    /// it fills and starts over).
    init(_ tokenizer: Tokenizer, cacheCapacity: Int) {
        self.tokenizer = tokenizer
        cache = PieceCache(capacity: cacheCapacity)
    }

    /// The ids of `text` (what `tokenizer.encode(text).ids` gives).
    public mutating func ids(of text: String) -> [UInt32] {
        var ids: [UInt32] = []
        ids.reserveCapacity(text.utf8.count / 3)
        tokenizer.encodeIDs(text, into: &ids, cache: &cache)
        return ids
    }
}

extension Tokenizer {
    /// The ids of every text, encoded on `threads` threads (each with its own `TokenEncoder`),
    /// in order.
    public func encodeBatch(_ texts: [String], threads: Int = 2) -> [[UInt32]] {
        let threads = max(1, min(threads, texts.count))
        var results = [[UInt32]](repeating: [], count: texts.count)
        results.withUnsafeMutableBufferPointer { buffer in
            let output = BatchOutput(ids: buffer)
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                var encoder = TokenEncoder(self)
                // Each thread writes only the slots of its own stride.
                for index in stride(from: thread, to: texts.count, by: threads) {
                    output.ids[index] = encoder.ids(of: texts[index])
                }
            }
        }
        return results
    }
}

/// The result slots of a batch, written by the threads of `encodeBatch`: thread `t` writes only
/// the slots `t`, `t + threads`, …, so no slot is shared.
private struct BatchOutput: @unchecked Sendable {
    let ids: UnsafeMutableBufferPointer<[UInt32]>
}
