import PretextCore

/// A BPE vocabulary and its ranked merges, and the merging of one word: HF tokenizers' `BPE`
/// model (`models/bpe/model.rs`, `word.rs`).
///
/// A word starts as one symbol per character (byte-level: per byte); then, repeatedly, the
/// adjacent pair with the lowest merge rank is merged, the leftmost first among equals (what
/// HF's priority queue of `(rank, position)` and tiktoken's scan both do).
public struct BPEModel: Sendable, Equatable {
    /// Token strings by id.
    public let vocabulary: [String]
    /// The merges by rank: the ids of the two tokens merged.
    public let merges: [MergePair]
    /// Put before characters that do not start a word (WordPiece-style BPE); usually `nil`.
    public let continuingSubwordPrefix: String?
    /// Put after the character that ends a word; usually `nil`.
    public let endOfWordSuffix: String?
    /// The token for characters outside the vocabulary; `nil`: such characters are left out.
    public let unknownToken: String?

    /// One merge: its two tokens' ids and the id of the token they make.
    public struct MergePair: Sendable, Hashable {
        /// The left token's id.
        public var left: UInt32
        /// The right token's id.
        public var right: UInt32
        /// The merged token's id.
        public var result: UInt32
    }

    let ids: [String: UInt32]
    /// `rank << 32 | result id` by packed pair (`UInt64.max`: not a merge).
    private let ranks: PairTable<UInt64>

    /// A model of `vocabulary` and `merges` (pairs of token ids, by rank).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for a duplicate token, a merge of an id
    ///   outside the vocabulary, or a merge whose result is not in the vocabulary.
    public init(
        vocabulary: [String], merges: [(left: UInt32, right: UInt32)], continuingSubwordPrefix: String? = nil,
        endOfWordSuffix: String? = nil, unknownToken: String? = nil
    ) throws {
        var ids: [String: UInt32] = [:]
        for (id, token) in vocabulary.enumerated() {
            guard ids.updateValue(UInt32(id), forKey: token) == nil else {
                throw PretextError(.invalidConfiguration, "the vocabulary holds token \(id) twice")
            }
        }
        var pairs: [MergePair] = []
        var ranks = PairTable<UInt64>(zero: .max, capacity: merges.count)
        for (rank, merge) in merges.enumerated() {
            guard Int(merge.left) < vocabulary.count, Int(merge.right) < vocabulary.count else {
                throw PretextError(.invalidConfiguration, "merge \(rank) names a token outside the vocabulary")
            }
            var right = vocabulary[Int(merge.right)]
            if let prefix = continuingSubwordPrefix, right.hasPrefix(prefix) { right.removeFirst(prefix.count) }
            guard let result = ids[vocabulary[Int(merge.left)] + right] else {
                throw PretextError(.invalidConfiguration, "the token merge \(rank) makes is not in the vocabulary")
            }
            pairs.append(MergePair(left: merge.left, right: merge.right, result: result))
            let key = MergeState.pack(merge.left, merge.right)
            if ranks[key] == .max { ranks[key] = UInt64(rank) << 32 | UInt64(result) }
        }
        self.vocabulary = vocabulary
        self.merges = pairs
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.endOfWordSuffix = endOfWordSuffix
        self.unknownToken = unknownToken
        self.ids = ids
        self.ranks = ranks
    }

    /// The id of `token`, if it is in the vocabulary.
    public func id(of token: String) -> UInt32? { ids[token] }

    public static func == (lhs: BPEModel, rhs: BPEModel) -> Bool {
        lhs.vocabulary == rhs.vocabulary && lhs.merges == rhs.merges
            && lhs.continuingSubwordPrefix == rhs.continuingSubwordPrefix && lhs.endOfWordSuffix == rhs.endOfWordSuffix
            && lhs.unknownToken == rhs.unknownToken
    }

    /// Merges `symbols` (token ids of one word) in place, lowest rank first, leftmost first
    /// among equal ranks; `spans` (each symbol's source range) are joined alongside.
    ///
    /// - Complexity: O(n²) in the word's symbols; pre-tokenized words are short.
    func merge(_ symbols: inout [UInt32], spans: inout [Range<Int>]) {
        while let (index, result) = bestMerge(symbols) {
            symbols[index] = result
            symbols.remove(at: index + 1)
            spans[index] = spans[index].lowerBound..<spans[index + 1].upperBound
            spans.remove(at: index + 1)
        }
    }

    /// `merge(_:spans:)` without spans, for encoders that need only ids: the rank of every
    /// adjacent pair is kept in `ranks` (tiktoken's way), so that each merge scans integers and
    /// looks up only the two pairs it changes.
    func merge(_ symbols: inout [UInt32], ranks pairRanks: inout [UInt64]) {
        guard symbols.count > 1 else { return }
        pairRanks.removeAll(keepingCapacity: true)
        for index in 0..<(symbols.count - 1) {
            pairRanks.append(ranks[MergeState.pack(symbols[index], symbols[index + 1])])
        }
        while true {
            var best = UInt64.max
            var bestIndex = -1
            for index in pairRanks.indices where pairRanks[index] < best {
                best = pairRanks[index]
                bestIndex = index
            }
            guard bestIndex >= 0 else { return }
            symbols[bestIndex] = UInt32(truncatingIfNeeded: best)
            symbols.remove(at: bestIndex + 1)
            pairRanks.remove(at: bestIndex)
            if bestIndex < pairRanks.count {
                pairRanks[bestIndex] = ranks[MergeState.pack(symbols[bestIndex], symbols[bestIndex + 1])]
            }
            if bestIndex > 0 {
                pairRanks[bestIndex - 1] = ranks[MergeState.pack(symbols[bestIndex - 1], symbols[bestIndex])]
            }
        }
    }

    /// The position and result of the lowest-ranked merge among adjacent symbols (the leftmost
    /// among equal ranks), or `nil` when none applies.
    @inline(__always)
    private func bestMerge(_ symbols: [UInt32]) -> (index: Int, result: UInt32)? {
        guard symbols.count > 1 else { return nil }
        var best = UInt64.max
        var bestIndex = -1
        for index in 0..<(symbols.count - 1) {
            // `rank << 32 | result`: the lowest value has the lowest rank; `.max` is no merge.
            let found = ranks[MergeState.pack(symbols[index], symbols[index + 1])]
            if found < best {
                best = found
                bestIndex = index
            }
        }
        return bestIndex < 0 ? nil : (bestIndex, UInt32(truncatingIfNeeded: best))
    }
}
