import PretextCore
import PretextStore

/// BERT's pretraining examples: sentence pairs `[CLS] A [SEP] B [SEP]` with segment ids, a
/// next-sentence (NSP) or sentence-order (SOP, ALBERT) label, and masked-LM predictions, with
/// the semantics of BERT's `create_pretraining_data.py` (`SentencePairs`, `MaskedLMMasker`).
///
/// Record (`L` = `max_seq_length`, `P` = `max_predictions_per_seq`, ids of the token
/// records' width): `input_ids[L]` (masked, padded with `pad_token`),
/// `segment_ids uint8[L]`, `length uint16[1]` (tokens before the padding),
/// `masked_lm_positions uint16[P]`, `masked_lm_ids[P]` (the original tokens),
/// `masked_lm_count uint16[1]`, `label uint8[1]`. `docs/stages/examples.md`.
public struct MaskedLMStage: ExampleStage {
    public static let descriptor = StageDescriptor(
        name: "mlm",
        summary: "BERT/ALBERT pretraining examples: sentence pairs with NSP or SOP labels and masked-LM predictions",
        options: [
            pairTask, maxSeqLength, maxPredictions, maskedLMProbability, shortSeqProbability, dupeFactor, wholeWordMask,
            maxNgram, randomTokens, seedOption, ExampleSelection.condition, clsToken, sepToken, maskToken, padToken,
        ],
        input: .dataset, output: .examples)

    /// `pair_task`: what the pair's label says.
    public static let pairTask = OptionKey<PairTask>(
        "pair_task", default: .nsp, "nsp (B is the next text or another document's) or sop (A and B swapped or not)")
    /// `max_seq_length`.
    public static let maxSeqLength = OptionKey<Int>(
        "max_seq_length", min: 8, max: 65_535, default: 128, "tokens per example, [CLS] and both [SEP] included")
    /// `max_predictions_per_seq`.
    public static let maxPredictions = OptionKey<Int>(
        "max_predictions_per_seq", min: 1, max: 65_535, default: 20, "the most masked positions of an example")
    /// `masked_lm_prob`.
    public static let maskedLMProbability = OptionKey<Double>(
        "masked_lm_prob", min: 0, max: 1, default: 0.15, "the share of positions predicted")
    /// `short_seq_prob`.
    public static let shortSeqProbability = OptionKey<Double>(
        "short_seq_prob", min: 0, max: 1, default: 0.1, "probability of a shorter target length")
    /// `dupe_factor`.
    public static let dupeFactor = OptionKey<Int>(
        "dupe_factor", min: 1, max: 1000, default: 10, "passes over the documents, each with fresh pairs and masks")
    /// `whole_word_mask`.
    public static let wholeWordMask = OptionKey<Bool>(
        "whole_word_mask", default: false, "mask every piece of a word together")
    /// `max_ngram`.
    public static let maxNgram = OptionKey<Int>(
        "max_ngram", min: 1, max: 8, default: 1, "ALBERT n-gram masking: up to n whole words, p ∝ 1/n (ALBERT: 3)")
    /// `random_tokens`.
    public static let randomTokens = OptionKey<RandomTokens>(
        "random_tokens", default: .nonSpecial,
        "the 10 % random replacements: non_special ids (RoBERTa, fairseq) or vocabulary (BERT's script, specials included)"
    )
    /// `seed`.
    public static let seedOption = OptionKey<Int>("seed", min: 0, default: 12_345, "seed of every random draw")
    /// `cls_token`.
    public static let clsToken = OptionKey<String>("cls_token", default: "[CLS]", "the token starting an example")
    /// `sep_token`.
    public static let sepToken = OptionKey<String>("sep_token", default: "[SEP]", "the token ending each segment")
    /// `mask_token`.
    public static let maskToken = OptionKey<String>("mask_token", default: "[MASK]", "the mask token")
    /// `pad_token`.
    public static let padToken = OptionKey<String>("pad_token", default: "[PAD]", "the padding token")

    /// The pair tasks.
    public enum PairTask: String, Sendable, CaseIterable, OptionChoice {
        /// Next-sentence prediction (BERT).
        case nsp
        /// Sentence-order prediction (ALBERT).
        case sop
    }

    /// Where random replacement ids come from.
    public enum RandomTokens: String, Sendable, CaseIterable, OptionChoice {
        /// Every id that is not a special token.
        case nonSpecial = "non_special"
        /// The whole vocabulary, as BERT's script.
        case vocabulary
    }

    let options: StageOptions
    /// The stage's seed (option `seed`).
    public let seed: UInt64
    /// The `where` condition choosing the documents (`ExampleSelection`; empty: all).
    public let condition: String

    /// Copies the tokenizer into the output and records the pair task
    /// (`ExampleMetaKeys.pairTask`), which tells the trainer which head `label` trains.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        let lines = try copyTokenizer(to: dataset, from: input)
        try dataset.openCatalog().setMeta(ExampleMetaKeys.pairTask, options[Self.pairTask].rawValue)
        return lines
    }

    /// Creates the stage from checked options.
    /// - Throws: `.invalidConfiguration` when `max_predictions_per_seq` passes `max_seq_length`.
    public init(options: StageOptions) throws {
        self.options = options
        seed = UInt64(options[Self.seedOption])
        condition = options[ExampleSelection.condition]
        guard options[Self.maxPredictions] <= options[Self.maxSeqLength] else {
            throw PretextError(.invalidConfiguration, "max_predictions_per_seq must not pass max_seq_length")
        }
    }

    /// The record layout for the tokenizer's id width.
    public func recordSchema(tokens: TokenRecords) throws -> RecordSchema {
        let ids = tokens.idType
        let length = options[Self.maxSeqLength]
        let predictions = options[Self.maxPredictions]
        return try RecordSchema([
            .init("input_ids", ids, count: length), .init("segment_ids", .uint8, count: length),
            .init("length", .uint16), .init("masked_lm_positions", .uint16, count: predictions),
            .init("masked_lm_ids", ids, count: predictions), .init("masked_lm_count", .uint16),
            .init("label", .uint8),
        ])
    }

    /// A generator for one shard.
    public func makeGenerator(tokens: TokenRecords, seed: UInt64) throws -> MaskedLMGenerator {
        let vocabulary = ExampleVocabulary(tokens.tokenizer)
        let cls = try vocabulary.id(of: options[Self.clsToken], option: "cls_token")
        let sep = try vocabulary.id(of: options[Self.sepToken], option: "sep_token")
        let length = options[Self.maxSeqLength]
        let masker = MaskedLMMasker(
            probability: options[Self.maskedLMProbability], maxPredictions: options[Self.maxPredictions],
            wholeWord: options[Self.wholeWordMask], maxNgram: options[Self.maxNgram],
            maskID: try vocabulary.id(of: options[Self.maskToken], option: "mask_token"), excluded: [cls, sep],
            vocabulary: vocabulary, replaceFromWholeVocabulary: options[Self.randomTokens] == .vocabulary)
        let pairs = SentencePairs(
            task: options[Self.pairTask] == .sop ? .sop : .nsp, maxTokens: length - 3,
            shortProbability: options[Self.shortSeqProbability])
        let layout = MaskedLMLayout(
            length: length, predictions: options[Self.maxPredictions], idType: tokens.idType, cls: cls, sep: sep,
            pad: try vocabulary.id(of: options[Self.padToken], option: "pad_token"))
        return MaskedLMGenerator(
            pairs: pairs, masker: masker, layout: layout, dupeFactor: options[Self.dupeFactor],
            random: ExampleRandom(seed: seed))
    }
}
