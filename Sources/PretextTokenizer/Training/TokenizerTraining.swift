import PretextCore

/// What to train: the model and its settings, with the words each model counts and the
/// trained tokenizer it makes. The `tokenizer` stage and the library both train through this.
public struct TokenizerTraining: Sendable {
    /// The model.
    public var kind: TokenizerKind
    /// The vocabulary size to reach (special tokens included).
    public var vocabSize: Int
    /// Pairs seen fewer times are not merged.
    public var minFrequency: UInt64
    /// The special tokens (the first ids); empty: the model's defaults.
    public var specialTokens: [String]
    /// The most characters the alphabet keeps (0: no limit); byte-level BPE always keeps all 256.
    public var limitAlphabet: Int
    /// WordPiece: lowercase (and strip accents), as BERT uncased.
    public var lowercase: Bool
    /// Byte-level BPE: a space before texts that do not start with one (RoBERTa; GPT-2's
    /// pattern only).
    public var addPrefixSpace: Bool
    /// Byte-level BPE: the pattern that splits texts into words (GPT-2's, or cl100k's as Llama 3).
    public var pattern: SplitPattern
    /// Unigram: the trainer's SentencePiece settings (its vocabulary size and special tokens
    /// are `vocabSize` and `effectiveSpecialTokens`).
    public var unigram = UnigramTrainer()
    /// Threads for training.
    public var threads = 2

    /// HF's defaults: 30,000 tokens, no minimum frequency.
    public init(
        kind: TokenizerKind = .bpe, vocabSize: Int = 30_000, minFrequency: UInt64 = 0, specialTokens: [String] = [],
        limitAlphabet: Int = 0, lowercase: Bool = true, addPrefixSpace: Bool = false, pattern: SplitPattern = .gpt2
    ) {
        self.kind = kind
        self.vocabSize = vocabSize
        self.minFrequency = minFrequency
        self.specialTokens = specialTokens
        self.limitAlphabet = limitAlphabet
        self.lowercase = lowercase
        self.addPrefixSpace = addPrefixSpace
        self.pattern = pattern
    }

    /// The special tokens used: those given, or the model's defaults.
    public var effectiveSpecialTokens: [String] { specialTokens.isEmpty ? kind.defaultSpecialTokens : specialTokens }

    /// Checks the settings that cannot make a tokenizer, before any word is counted.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming `special_tokens` when a special
    ///   token is empty, is given twice, or collides with a token the model makes itself
    ///   (Unigram's byte pieces `<0x00>`…`<0xFF>` with byte fallback); when WordPiece has no
    ///   `[UNK]` or Unigram no unknown token among them; for `add_prefix_space` with a BPE
    ///   pattern other than GPT-2's.
    public func check() throws {
        let specials = effectiveSpecialTokens
        var seen = Set<String>()
        for (index, token) in specials.enumerated() {
            guard !token.isEmpty else {
                throw PretextError(.invalidConfiguration, "special_tokens: token \(index + 1) is empty")
            }
            guard seen.insert(token).inserted else {
                throw PretextError(
                    .invalidConfiguration,
                    "special_tokens: '\(token)' is given twice; each special token gets one id")
            }
            if kind == .unigram, unigram.byteFallback, ByteFallback.byte(of: token) != nil {
                throw PretextError(
                    .invalidConfiguration,
                    "special_tokens: '\(token)' collides with the byte piece byte_fallback adds for that byte")
            }
        }
        switch kind {
        case .bpe:
            if addPrefixSpace, pattern != .gpt2 { throw Self.prefixSpaceNeedsGPT2(pattern) }
        case .wordpiece:
            guard specials.contains("[UNK]") else {
                throw PretextError(.invalidConfiguration, "a WordPiece tokenizer needs [UNK] among its special tokens")
            }
        case .unigram:
            guard specials.contains(unigram.unknownToken) else {
                throw PretextError(
                    .invalidConfiguration,
                    "a Unigram tokenizer needs its unknown token '\(unigram.unknownToken)' among its special tokens")
            }
        }
    }

    /// The error for a prefix space with `pattern`: HF applies `add_prefix_space` in the
    /// `ByteLevel` that follows the `Split`, to every piece.
    static func prefixSpaceNeedsGPT2(_ pattern: SplitPattern) -> PretextError {
        PretextError(
            .invalidConfiguration,
            "add_prefix_space works with pattern gpt2 only; with \(pattern.rawValue) HF would put a space before "
                + "every piece")
    }

    /// BERT's normalization as configured.
    var normalizer: BertNormalizer { BertNormalizer(lowercase: lowercase) }

    /// Adds the words of `text` to `counts`, pre-tokenized as the model's tokenizer will split
    /// them.
    public func countWords(of text: String, into counts: inout WordCounts) {
        switch kind {
        case .bpe:
            var text = addPrefixSpace && !text.hasPrefix(" ") ? " " + text : text
            text.withUTF8 { raw in
                let bytes = UnsafeRawBufferPointer(raw)
                pattern.forEachPiece(bytes) { counts.add(bytes: UnsafeRawBufferPointer(rebasing: bytes[$0])) }
            }
        case .wordpiece:
            // What `WordPieceTrainer.words(of:normalizer:)` gives, in one pass over the text.
            var scanner = BertWordScanner(normalizer: normalizer)
            scanner.forEachWord(in: text) { counts.add(bytes: $0) }
        case .unigram:
            var text = text
            text.withUTF8 { raw in Metaspace.forEachWord(UnsafeRawBufferPointer(raw)) { counts.add(bytes: $0) } }
        }
    }

    /// Trains a tokenizer on `counts`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for settings that cannot make a
    ///   tokenizer (`check()`; a vocabulary smaller than the special tokens and alphabet is not an error:
    ///   training then makes no merges, as HF does).
    public func train(_ counts: WordCounts, progress: (String) -> Void = { _ in }) throws -> Tokenizer {
        try check()
        let specials = effectiveSpecialTokens
        let limit = limitAlphabet > 0 ? limitAlphabet : nil
        switch kind {
        case .bpe:
            // Each byte as its byte-level character: no string per word.
            let characters = ByteLevel.characters.map(\.value)
            var words: [(scalars: [UInt32], count: UInt64)] = []
            words.reserveCapacity(counts.count)
            counts.forEach { bytes, count in words.append((bytes.map { characters[Int($0)] }, count)) }
            let result = BPETrainer(
                vocabSize: vocabSize, minFrequency: minFrequency, specialTokens: specials,
                initialAlphabet: ByteLevel.characters
            ).train(words: words)
            return try .byteLevelBPE(
                vocabulary: result.vocabulary, merges: result.merges, specialTokens: specials,
                addPrefixSpace: addPrefixSpace, pattern: pattern)
        case .wordpiece:
            let trainer = WordPieceTrainer(
                vocabSize: vocabSize, minFrequency: minFrequency, specialTokens: specials, limitAlphabet: limit)
            return try .wordPiece(try trainer.train(counts.counts), normalizer: normalizer, specialTokens: specials)
        case .unigram:
            var trainer = unigram
            trainer.vocabSize = vocabSize
            trainer.specialTokens = specials
            trainer.threads = threads
            let result = try trainer.train(counts, progress: progress)
            return try .unigram(result, specialTokens: specials, byteFallback: trainer.byteFallback)
        }
    }
}
