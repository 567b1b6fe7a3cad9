/// Trains a WordPiece vocabulary as HF tokenizers' `WordPieceTrainer` does: BPE with the `##`
/// continuation prefix (`BPETrainer`) on BERT-normalized, BERT-pre-tokenized words, whose
/// vocabulary (special tokens, characters, `##` characters, merged pieces) becomes the
/// WordPiece vocabulary unchanged.
public struct WordPieceTrainer: Sendable {
    /// The BPE trainer underneath (its `continuingSubwordPrefix` is the WordPiece prefix).
    public var bpe: BPETrainer
    /// The unknown token (it must be among the special tokens).
    public var unknownToken: String

    /// BERT's trainer: `[PAD] [UNK] [CLS] [SEP] [MASK]`, `##`, HF's defaults otherwise.
    public init(
        vocabSize: Int = 30_000, minFrequency: UInt64 = 0,
        specialTokens: [String] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"], unknownToken: String = "[UNK]",
        limitAlphabet: Int? = nil
    ) {
        bpe = BPETrainer(
            vocabSize: vocabSize, minFrequency: minFrequency, specialTokens: specialTokens,
            limitAlphabet: limitAlphabet, continuingSubwordPrefix: "##")
        self.unknownToken = unknownToken
    }

    /// The words of `text` that training counts (normalized, pre-tokenized).
    public static func words(of text: String, normalizer: BertNormalizer) -> [String] {
        let normalized = normalizer.normalize(NormalizedText(text))
        return BertPreTokenizer.words(normalized).map { String(String.UnicodeScalarView(normalized.scalars[$0])) }
    }

    /// Trains on word counts made with `words(of:normalizer:)`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when the unknown token is not a special token.
    public func train(_ wordCounts: [String: UInt64]) throws -> WordPieceModel {
        let result = bpe.train(wordCounts)
        return try WordPieceModel(
            vocabulary: result.vocabulary, unknownToken: unknownToken,
            continuingSubwordPrefix: bpe.continuingSubwordPrefix ?? "##")
    }
}
