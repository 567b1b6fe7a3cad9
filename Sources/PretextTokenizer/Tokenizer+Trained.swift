import PretextCore

extension Tokenizer {
    /// A byte-level BPE tokenizer of trained `vocabulary` and `merges`, its special tokens (the
    /// trainer's, which hold the first ids) as added tokens, splitting by `pattern`: GPT-2's in
    /// HF's `ByteLevel` pre-tokenizer, another as a `Split` before it (`splitByteLevel`).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for inconsistent merges, and for
    ///   `addPrefixSpace` with a pattern other than GPT-2's (HF would put the space before every
    ///   piece of the `Split`).
    public static func byteLevelBPE(
        vocabulary: [String], merges: [(left: UInt32, right: UInt32)], specialTokens: [String],
        addPrefixSpace: Bool = false, pattern: SplitPattern = .gpt2
    ) throws -> Tokenizer {
        let model = try BPEModel(vocabulary: vocabulary, merges: merges)
        let preTokenizer: PreTokenizer
        switch pattern {
        case .gpt2: preTokenizer = .byteLevel(addPrefixSpace: addPrefixSpace, trimOffsets: true, useRegex: true)
        case .cl100k:
            guard !addPrefixSpace else { throw TokenizerTraining.prefixSpaceNeedsGPT2(pattern) }
            preTokenizer = .splitByteLevel(pattern: pattern)
        }
        return Tokenizer(
            model: .bpe(model), preTokenizer: preTokenizer, addedTokens: try added(specialTokens, in: model.id(of:)))
    }

    /// A BERT WordPiece tokenizer of `model` with `normalizer`, its special tokens as added tokens.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when a special token is not in the vocabulary.
    public static func wordPiece(
        _ model: WordPieceModel, normalizer: BertNormalizer = BertNormalizer(), specialTokens: [String]
    ) throws -> Tokenizer {
        Tokenizer(
            model: .wordPiece(model), normalizer: normalizer, preTokenizer: .bert,
            addedTokens: try added(specialTokens, in: model.id(of:)))
    }

    /// A SentencePiece-style Unigram tokenizer of a trained vocabulary: `Metaspace` words, no
    /// normalizer, the special tokens as added tokens.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when a special token is not a piece.
    public static func unigram(
        _ result: UnigramTrainer.Result, specialTokens: [String], byteFallback: Bool
    ) throws -> Tokenizer {
        let model = try UnigramModel(pieces: result.pieces, unknownID: result.unknownID, byteFallback: byteFallback)
        return Tokenizer(
            model: .unigram(model), preTokenizer: .metaspace(Metaspace()),
            addedTokens: try added(specialTokens, in: model.id(of:)))
    }

    private static func added(_ tokens: [String], in id: (String) -> UInt32?) throws -> [AddedToken] {
        try tokens.map { content in
            guard let id = id(content) else {
                throw PretextError(.invalidConfiguration, "special token '\(content)' is not in the vocabulary")
            }
            return AddedToken(id: id, content: content, special: true)
        }
    }
}
