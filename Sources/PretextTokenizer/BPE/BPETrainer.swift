/// Learns byte-pair merges from word counts, with the rules of HF tokenizers' `BpeTrainer`
/// (`tokenizers/src/models/bpe/trainer.rs`), so that the same words and settings give the same
/// vocabulary and merges:
///
/// 1. Ids: the special tokens in the order given, then the alphabet — every character of the
///    words plus `initialAlphabet`, the rarest dropped past `limitAlphabet` — sorted by code
///    point, then (with a `continuingSubwordPrefix` or `endOfWordSuffix`) the prefixed or
///    suffixed characters the words need, sorted by code point (HF: in hash-map order, which
///    varies from run to run), then the merged tokens in the order they are made.
/// 2. Pairs are counted over all words, weighted by the words' counts. The pair with the largest
///    count merges first; equal counts go to the smaller `(left id, right id)`. A queued pair
///    whose count changed is queued again with its new count.
/// 3. Training stops when the vocabulary reaches `vocabSize`, no pair is left, or the best count
///    is below `minFrequency`.
///
/// Counts are 64-bit (HF's pair counts are 32-bit and overflow on large corpora: tokenizers
/// #1170, #1103).
public struct BPETrainer: Sendable {
    /// The vocabulary size to reach (special tokens and alphabet included).
    public var vocabSize: Int
    /// Pairs seen fewer times are never merged.
    public var minFrequency: UInt64
    /// Tokens given the first ids, in this order.
    public var specialTokens: [String]
    /// The most characters the alphabet keeps (the rarest go first); `nil`: no limit.
    public var limitAlphabet: Int?
    /// Characters always in the alphabet (GPT-2's 256 byte characters for byte-level BPE).
    public var initialAlphabet: [Unicode.Scalar]
    /// Put before every character that does not start a word (`##` for WordPiece).
    public var continuingSubwordPrefix: String?
    /// Put after every character that ends a word.
    public var endOfWordSuffix: String?
    /// Merged tokens longer than this (in characters) are not made; `nil`: no limit.
    public var maxTokenLength: Int?

    /// A trainer with HF's defaults (vocabulary 30,000, no minimum frequency, no alphabet limit).
    public init(
        vocabSize: Int = 30_000, minFrequency: UInt64 = 0, specialTokens: [String] = [], limitAlphabet: Int? = nil,
        initialAlphabet: [Unicode.Scalar] = [], continuingSubwordPrefix: String? = nil, endOfWordSuffix: String? = nil,
        maxTokenLength: Int? = nil
    ) {
        self.vocabSize = vocabSize
        self.minFrequency = minFrequency
        self.specialTokens = specialTokens
        self.limitAlphabet = limitAlphabet
        self.initialAlphabet = initialAlphabet
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.endOfWordSuffix = endOfWordSuffix
        self.maxTokenLength = maxTokenLength
    }

    /// What training learned: the vocabulary by id and the merges in the order they were made.
    public struct Result: Sendable, Equatable {
        /// Token strings by id.
        public var vocabulary: [String]
        /// The merges, first learned first: the ids of the two tokens merged.
        public var merges: [(left: UInt32, right: UInt32)]

        public static func == (lhs: Result, rhs: Result) -> Bool {
            lhs.vocabulary == rhs.vocabulary && lhs.merges.elementsEqual(rhs.merges) { $0 == $1 }
        }
    }

    /// Trains on `wordCounts` (a word's text, already pre-tokenized and mapped, and how many
    /// times it occurs).
    public func train(_ wordCounts: [String: UInt64]) -> Result {
        var vocabulary = Vocabulary()
        for token in specialTokens { vocabulary.add(token) }
        for character in alphabet(wordCounts) { vocabulary.add(String(character)) }
        let sorted = wordCounts.sorted { $0.key < $1.key }
        for token in affixedTokens(sorted.map(\.key), vocabulary) { vocabulary.add(token) }
        var words = sorted.map { symbols(of: $0.key, vocabulary) }
        let counts = sorted.map { Int64(clamping: $0.value) }
        var state = MergeState(words: words, counts: counts)
        words = []
        var merges: [(left: UInt32, right: UInt32)] = []
        let maxLength = maxTokenLength ?? Int.max
        while vocabulary.count < vocabSize, let top = state.nextMerge() {
            guard top.count >= 1, UInt64(top.count) >= minFrequency else { break }
            let (left, right) = MergeState.unpack(top.pair)
            let id = vocabulary.add(mergedToken(vocabulary.tokens[Int(left)], vocabulary.tokens[Int(right)]))
            merges.append((left, right))
            state.merge(top, into: id, maxLength: maxLength)
        }
        return Result(vocabulary: vocabulary.tokens, merges: merges)
    }

    /// The alphabet: every character of the words and of `initialAlphabet` (the rarest dropped
    /// past `limitAlphabet`), sorted by code point.
    func alphabet(_ wordCounts: [String: UInt64]) -> [Unicode.Scalar] {
        var seen: [Unicode.Scalar: UInt64] = [:]
        for (word, count) in wordCounts {
            for scalar in word.unicodeScalars { seen[scalar, default: 0] &+= count }
        }
        for scalar in initialAlphabet { seen[scalar] = .max }
        var kept = Array(seen)
        if let limit = limitAlphabet, kept.count > limit {
            // HF sorts by count with an unstable sort and drops the first ones: among equal
            // counts which one goes is unspecified there; here the smaller code point goes.
            kept.sort { ($0.value, $0.key.value) < ($1.value, $1.key.value) }
            kept.removeFirst(kept.count - limit)
        }
        return kept.map(\.key).sorted { $0.value < $1.value }
    }

    /// The prefixed and suffixed characters the words need (`##a`), sorted by code point.
    /// HF adds them as it first meets them in hash-map order, so its ids for them vary from run
    /// to run; sorted, they are reproducible.
    private func affixedTokens(_ words: [String], _ vocabulary: Vocabulary) -> [String] {
        guard continuingSubwordPrefix != nil || endOfWordSuffix != nil else { return [] }
        var needed: Set<String> = []
        for word in words {
            for token in tokens(of: word, vocabulary) where vocabulary.id(of: token) == nil { needed.insert(token) }
        }
        return needed.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
    }

    /// A word's symbols as token strings: each character of the alphabet, prefixed when it
    /// does not start the word and suffixed when it ends it; characters outside the alphabet
    /// are left out, as HF does.
    private func tokens(of word: String, _ vocabulary: Vocabulary) -> [String] {
        var tokens: [String] = []
        let scalars = Array(word.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            var token = String(scalar)
            guard vocabulary.id(of: token) != nil else { continue }
            if index > 0, let prefix = continuingSubwordPrefix { token = prefix + token }
            if index == scalars.count - 1, let suffix = endOfWordSuffix { token += suffix }
            tokens.append(token)
        }
        return tokens
    }

    /// A word's symbol ids (every token of it is in `vocabulary`).
    private func symbols(of word: String, _ vocabulary: Vocabulary) -> [UInt32] {
        // The affixed tokens were added first, so every token has an id.
        tokens(of: word, vocabulary).map { vocabulary.id(of: $0)! }
    }

    /// The token two tokens merge into: their texts joined, without the right one's
    /// continuation prefix.
    private func mergedToken(_ left: String, _ right: String) -> String {
        if let prefix = continuingSubwordPrefix, right.hasPrefix(prefix) {
            return left + right.dropFirst(prefix.count)
        }
        return left + right
    }
}

/// Token strings by id and ids by string; adding a known token returns its id.
struct Vocabulary {
    private(set) var tokens: [String] = []
    private var ids: [String: UInt32] = [:]

    var count: Int { tokens.count }

    func id(of token: String) -> UInt32? { ids[token] }

    @discardableResult
    mutating func add(_ token: String) -> UInt32 {
        if let id = ids[token] { return id }
        let id = UInt32(tokens.count)
        tokens.append(token)
        ids[token] = id
        return id
    }
}
