import PretextCore
import PretextStore
import PretextTokenizer
import _PretextFileSystem

/// Trains a tokenizer on the dataset's documents — byte-level BPE (GPT-2), WordPiece (BERT),
/// Unigram (SentencePiece) — and writes it into its own dataset as `tokenizer/tokenizer.json`
/// (HF tokenizers' format) with `vocab.json` + `merges.txt`, `vocab.txt` or `unigram.json`;
/// the documents pass unchanged (their
/// shards are linked). Phases: every task counts the words of its shards (spilling sorted runs
/// past `memory_mb`), then one task trains on the merged counts. `docs/stages/tokenizer.md`.
public struct TokenizerStage: DocumentStage, PhasedStage, StageFinishing {
    public static let descriptor = StageDescriptor(
        name: "tokenizer",
        summary: "train a byte-level BPE, WordPiece or Unigram tokenizer; write tokenizer.json into the dataset",
        options: [
            model, vocabSize, minFrequency, specialTokens, limitAlphabet, lowercase, addPrefixSpace, pattern,
            characterCoverage, byteFallback, maxPieceLength, shrinkingFactor, seedSize, condition, sample, seed,
            memoryMB,
        ],
        input: .dataset)

    /// `model`: the tokenizer model.
    public static let model = OptionKey<TokenizerKind>(
        "model", default: .bpe, "bpe (byte-level, GPT-2), wordpiece (BERT) or unigram (SentencePiece)")
    /// `vocab_size`: the vocabulary to reach.
    public static let vocabSize = OptionKey<Int>(
        "vocab_size", min: 1, max: 1 << 24, default: TokenizerTraining().vocabSize,
        "vocabulary size, special tokens and alphabet included")
    /// `min_frequency`: the smallest pair count merged.
    public static let minFrequency = OptionKey<Int>(
        "min_frequency", min: 0, default: Int(TokenizerTraining().minFrequency),
        "bpe, wordpiece: pairs seen fewer times are not merged"
    ).only(when: model, is: [.bpe, .wordpiece])
    /// `special_tokens`: the first ids.
    public static let specialTokens = OptionKey<[String]>(
        "special_tokens", default: [],
        "special tokens, first ids (empty: <|endoftext|> for bpe; [PAD] [UNK] [CLS] [SEP] [MASK] for wordpiece; "
            + "<unk> <s> </s> for unigram)")
    /// `limit_alphabet`: the most characters kept (WordPiece).
    public static let limitAlphabet = OptionKey<Int>(
        "limit_alphabet", min: 0, default: 0, "wordpiece: keep at most this many characters, the most frequent (0: all)"
    ).only(when: model, is: [.wordpiece])
    /// `lowercase`: BERT uncased.
    public static let lowercase = OptionKey<Bool>(
        "lowercase", default: true, "wordpiece: lowercase and strip accents (BERT uncased)"
    ).only(when: model, is: [.wordpiece])
    /// `add_prefix_space`: RoBERTa's leading space.
    public static let addPrefixSpace = OptionKey<Bool>(
        "add_prefix_space", default: false, "bpe: a space before each text that does not start with one (RoBERTa)"
    ).only(when: model, is: [.bpe])
    /// `pattern`: how byte-level BPE splits texts into words.
    public static let pattern = OptionKey<SplitPattern>(
        "pattern", default: .gpt2, "bpe: gpt2 (GPT-2's pre-tokenization) or cl100k (GPT-4's, as Llama 3)"
    ).only(when: model, is: [.bpe])
    /// `character_coverage`: the share of characters the vocabulary covers (Unigram).
    public static let characterCoverage = OptionKey<Double>(
        "character_coverage", min: 0.5, max: 1, default: UnigramTrainer().characterCoverage,
        "unigram: the most frequent characters covering this share of the text are kept; rarer ones are unknown"
    ).only(when: model, is: [.unigram])
    /// `byte_fallback`: byte pieces for uncovered characters (Unigram).
    public static let byteFallback = OptionKey<Bool>(
        "byte_fallback", default: false, "unigram: <0x00>…<0xFF> pieces spell characters outside the vocabulary"
    ).only(when: model, is: [.unigram])
    /// `max_piece_length`: the longest piece (Unigram).
    public static let maxPieceLength = OptionKey<Int>(
        "max_piece_length", min: 1, max: 64, default: UnigramTrainer().maxPieceLength,
        "unigram: the most characters in a piece"
    ).only(when: model, is: [.unigram])
    /// `shrinking_factor`: the share of pieces each pruning round keeps (Unigram).
    public static let shrinkingFactor = OptionKey<Double>(
        "shrinking_factor", min: 0.1, max: 0.99, default: UnigramTrainer().shrinkingFactor,
        "unigram: the share of pieces each pruning round keeps"
    ).only(when: model, is: [.unigram])
    /// `seed_size`: the most seed pieces (Unigram).
    public static let seedSize = OptionKey<Int>(
        "seed_size", min: 1, max: 1 << 26, default: UnigramTrainer().seedSize,
        "unigram: the most substrings in the seed vocabulary"
    ).only(when: model, is: [.unigram])
    /// `where`: the documents trained on.
    public static let condition = OptionKey<String>(
        "where", default: "", "train on the documents matching this SQL condition on the catalog (empty: all)")
    /// `sample`: the share of documents trained on.
    public static let sample = OptionKey<Double>(
        "sample", min: 0, max: 1, default: 1, "train on this share of the documents, drawn by a hash of their id")
    /// `seed`: the sample's seed.
    public static let seed = OptionKey<Int>("seed", min: 0, default: 0, "seed of the sample")
    /// `memory_mb`: the word-count memory per task.
    public static let memoryMB = OptionKey<Int>(
        "memory_mb", min: 1, default: 512, "per-task memory for word counts before a sorted run is spilled to disk")

    /// The phase that counts words, and the one that trains.
    static let countPhase = "words"
    static let trainPhase = "train"
    /// The directory of a dataset that holds its tokenizer.
    public static let directory = "tokenizer"

    var training: TokenizerTraining
    let selection: DocumentSelection
    let memoryBytes: Int

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for special tokens that collide, and for
    ///   `add_prefix_space` with the `cl100k` pattern (`TokenizerTraining.check()`).
    public init(options: StageOptions) throws {
        training = TokenizerTraining(
            kind: options[Self.model], vocabSize: options[Self.vocabSize],
            minFrequency: UInt64(options[Self.minFrequency]), specialTokens: options[Self.specialTokens],
            limitAlphabet: options[Self.limitAlphabet], lowercase: options[Self.lowercase],
            addPrefixSpace: options[Self.addPrefixSpace], pattern: options[Self.pattern])
        training.unigram.characterCoverage = options[Self.characterCoverage]
        training.unigram.byteFallback = options[Self.byteFallback]
        training.unigram.maxPieceLength = options[Self.maxPieceLength]
        training.unigram.shrinkingFactor = options[Self.shrinkingFactor]
        training.unigram.seedSize = options[Self.seedSize]
        try training.check()
        selection = DocumentSelection(
            condition: options[Self.condition], sample: options[Self.sample], seed: UInt64(options[Self.seed]))
        memoryBytes = options[Self.memoryMB] << 20
    }

    /// The documents pass unchanged: the input's shards are linked.
    public var keepsDocumentsUnchanged: Bool { true }

    /// Passes documents on.
    public func makeWorker() throws -> PassThrough { PassThrough() }

    /// Counting, then training.
    public func phases(units: [ShardUnit]) throws -> [any StagePhase] {
        [
            WordCountPhase(training: training, selection: selection, memoryBytes: memoryBytes, shards: units),
            TrainPhase(training: training),
        ]
    }

    /// `words`, then `train`.
    public func phaseNames() -> [String] { [Self.countPhase, Self.trainPhase] }

    /// Writes the trained tokenizer's files into `DATASET/tokenizer/`.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        guard let work else { return [] }
        let files = try work.files(phase: Self.trainPhase, worldSize: worldSize)
        guard let file = files.first(where: { $0.name == "tokenizer.json" }) else {
            throw PretextError(.corrupt, "the train phase left no tokenizer", path: work.directory(of: Self.trainPhase))
        }
        let json = try work.readBlob(file, phase: Self.trainPhase)
        let directory = dataset.path(Self.directory)
        try FileSystem.createDirectory(directory)
        let path = FileSystem.join(directory, "tokenizer.json")
        try FileSystem.writeAtomically(json, to: path)
        let tokenizer = try TokenizerFile.read(path)
        try TokenizerFile.writeVocabularyFiles(tokenizer, into: directory)
        return [
            "tokenizer: \(training.kind.rawValue), \(tokenizer.vocabularySize) tokens", "tokenizer file: \(path)",
        ]
    }

    /// Keeps every document as it is.
    public struct PassThrough: DocumentWorker {
        /// Keeps the document.
        public mutating func process(_ document: inout Document, row: inout DocumentRow) throws -> DocumentVerdict {
            .keep
        }
    }
}
