import PretextCore

/// The tokenizer models Pretext trains.
public enum TokenizerKind: String, Sendable, CaseIterable, OptionChoice {
    /// Byte-level BPE (GPT-2, RoBERTa).
    case bpe
    /// BERT's WordPiece.
    case wordpiece
    /// SentencePiece's Unigram.
    case unigram

    /// The special tokens a model of this kind gets when none are given: GPT-2's end of text;
    /// BERT's padding, unknown, classification, separator and mask tokens; SentencePiece's
    /// unknown, beginning and end of sentence.
    public var defaultSpecialTokens: [String] {
        switch self {
        case .bpe: ["<|endoftext|>"]
        case .wordpiece: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        case .unigram: ["<unk>", "<s>", "</s>"]
        }
    }
}
