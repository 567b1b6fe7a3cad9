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
    /// Merges touching at least this many words split them over two threads.
    var parallelWords = 4096

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
        train(words: wordCounts.map { (scalars: $0.key.unicodeScalars.map(\.value), count: $0.value) })
    }

    /// Trains on words given as Unicode scalar values with their counts. The result does not
    /// depend on the order of the words.
    public func train(words: [(scalars: [UInt32], count: UInt64)]) -> Result {
        var vocabulary = Vocabulary()
        for token in specialTokens { vocabulary.add(token) }
        let alphabet = alphabet(words)
        // Scalar value → alphabet id + 1 (0: not in the alphabet), over every code point.
        var alphabetIDs = [UInt32](repeating: 0, count: 0x11_0000)
        for value in alphabet {
            // Alphabet values come from scalars, so they are valid scalars.
            alphabetIDs[Int(value)] = vocabulary.add(String(Unicode.Scalar(value)!)) + 1
        }
        let affixes = affixedIDs(words, alphabetIDs: alphabetIDs, into: &vocabulary)
        var symbolWords: [[UInt32]] = []
        var counts: [Int64] = []
        symbolWords.reserveCapacity(words.count)
        counts.reserveCapacity(words.count)
        for word in words {
            symbolWords.append(symbols(of: word.scalars, alphabetIDs: alphabetIDs, affixes: affixes))
            counts.append(Int64(clamping: word.count))
        }
        var state = MergeState(words: symbolWords, counts: counts, parallelWords: parallelWords)
        symbolWords = []
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

    /// The alphabet as scalar values: every character of the words and of `initialAlphabet`
    /// (the rarest dropped past `limitAlphabet`), sorted by code point.
    func alphabet(_ words: [(scalars: [UInt32], count: UInt64)]) -> [UInt32] {
        var seen = [UInt64](repeating: 0, count: 0x11_0000)
        for word in words {
            // Counts saturate rather than trap; HF's are usize and would wrap.
            for value in word.scalars {
                let (sum, overflow) = seen[Int(value)].addingReportingOverflow(word.count)
                seen[Int(value)] = overflow ? .max : sum
            }
        }
        for scalar in initialAlphabet { seen[Int(scalar.value)] = .max }
        var kept = seen.indices.filter { seen[$0] > 0 }.map { (value: UInt32($0), count: seen[$0]) }
        if let limit = limitAlphabet, kept.count > limit {
            // HF sorts by count with an unstable sort and drops the first ones: among equal
            // counts which one goes is unspecified there; here the smaller code point goes.
            kept.sort { ($0.count, $0.value) < ($1.count, $1.value) }
            kept.removeFirst(kept.count - limit)
        }
        return kept.map(\.value).sorted()
    }

    /// The ids of the prefixed and suffixed characters the words need (`##a`), by the key
    /// `value << 2 | variant` (1: prefixed, 2: suffixed, 3: both), added to the vocabulary
    /// sorted by code point. HF adds them as it first meets them in hash-map order, so its ids
    /// for them vary from run to run; sorted, they are reproducible.
    private func affixedIDs(
        _ words: [(scalars: [UInt32], count: UInt64)], alphabetIDs: [UInt32], into vocabulary: inout Vocabulary
    ) -> [UInt64: UInt32] {
        guard continuingSubwordPrefix != nil || endOfWordSuffix != nil else { return [:] }
        var needed: Set<UInt64> = []
        for word in words {
            for (index, value) in word.scalars.enumerated() where alphabetIDs[Int(value)] != 0 {
                let variant = variant(index: index, count: word.scalars.count)
                if variant != 0 { needed.insert(UInt64(value) << 2 | variant) }
            }
        }
        var ids: [UInt64: UInt32] = [:]
        for key in needed.sorted() {
            // Keys hold alphabet values, which are valid scalars.
            var token = String(Unicode.Scalar(UInt32(key >> 2))!)
            if key & 1 != 0, let prefix = continuingSubwordPrefix { token = prefix + token }
            if key & 2 != 0, let suffix = endOfWordSuffix { token += suffix }
            ids[key] = vocabulary.add(token)
        }
        return ids
    }

    /// Which affixes the character at `index` of a word of `count` characters gets: bit 0 the
    /// prefix (not first), bit 1 the suffix (last).
    private func variant(index: Int, count: Int) -> UInt64 {
        var variant: UInt64 = 0
        if index > 0, continuingSubwordPrefix != nil { variant |= 1 }
        if index == count - 1, endOfWordSuffix != nil { variant |= 2 }
        return variant
    }

    /// A word's symbol ids; characters outside the alphabet are left out, as HF does (a kept
    /// character's affixes follow its place in the whole word).
    private func symbols(of scalars: [UInt32], alphabetIDs: [UInt32], affixes: [UInt64: UInt32]) -> [UInt32] {
        var ids: [UInt32] = []
        ids.reserveCapacity(scalars.count)
        for (index, value) in scalars.enumerated() {
            let id = alphabetIDs[Int(value)]
            guard id != 0 else { continue }
            let variant = affixes.isEmpty ? 0 : variant(index: index, count: scalars.count)
            // Every needed affixed character was added by `affixedIDs`.
            ids.append(variant == 0 ? id - 1 : affixes[UInt64(value) << 2 | variant]!)
        }
        return ids
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
