/// Turns a simplified document into shingles: 64-bit hashes (XXH3) of n consecutive tokens
/// joined by single spaces, datatrove's MinHash shingling.
///
/// Documents that are mostly Chinese or Japanese characters use `cjkNgram` (their tokens are
/// single characters, so these are character n-grams); others use `ngram` words. A document
/// with fewer tokens than n has one shingle, all of its tokens, so that short documents can
/// still match; a document without tokens has none.
public struct Shingler: Sendable {
    /// Words per shingle.
    public let ngram: Int
    /// Characters per shingle in Chinese/Japanese documents.
    public let cjkNgram: Int

    /// Creates a shingler.
    public init(ngram: Int = 5, cjkNgram: Int = 5) {
        self.ngram = max(1, ngram)
        self.cjkNgram = max(1, cjkNgram)
    }

    /// The n used for `text`.
    public func size(for text: SimplifiedText) -> Int { text.isMostlyCJK ? cjkNgram : ngram }

    /// Replaces `shingles` with the shingle hashes of `text`, in document order.
    public func shingles(of text: SimplifiedText, into shingles: inout [UInt64]) {
        shingles.removeAll(keepingCapacity: true)
        let count = text.tokenCount
        guard count > 0 else { return }
        let n = min(size(for: text), count)
        text.tokenText.withUnsafeBytes { bytes in
            text.tokenStarts.withUnsafeBufferPointer { starts in
                text.tokenEnds.withUnsafeBufferPointer { ends in
                    let base = bytes.baseAddress!
                    for first in 0...(count - n) {
                        let start = Int(starts[first])
                        let end = Int(ends[first + n - 1])
                        shingles.append(XXH3.hash64(base + start, count: end - start))
                    }
                }
            }
        }
    }
}
