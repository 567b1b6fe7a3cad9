import PretextCore
import PretextStore

/// Pairs of texts for contrastive training (sentence embeddings): an anchor and a positive,
/// and optionally a hard negative; the other pairs of a batch are the in-batch negatives at
/// training time. `docs/stages/examples.md`.
///
/// Record (`L` = `max_length`): `anchor_ids[L]`, `anchor_length uint16`, `positive_ids[L]`,
/// `positive_length uint16`, and with `hard_negatives` `negative_ids[L]`, `negative_length
/// uint16`; ids of the token records' width; padded with `pad_token` (0 when
/// the tokenizer has none).
public struct ContrastivePairsStage: ExampleStage {
    public static let descriptor = StageDescriptor(
        name: "contrastive",
        summary:
            "anchor/positive pairs (adjacent sentences, two spans of a document, or the same text) with hard negatives",
        options: [
            positives, hardNegatives, maxLength, minSpan, negativeMaxSimilarity, seedOption, ExampleSelection.condition,
            clsToken, sepToken,
            padToken,
        ],
        input: .dataset, output: .examples)

    /// `positives`: where a positive comes from.
    public static let positives = OptionKey<Positives>(
        "positives", default: .adjacentSentences,
        "adjacent_sentences, spans (two random spans of one document) or same_text (SimCSE: the text twice)")
    /// `hard_negatives`.
    public static let hardNegatives = OptionKey<HardNegatives>(
        "hard_negatives", default: .none,
        "none, same_source (another document of the same source) or minhash (the nearest document below negative_max_similarity)"
    )
    /// `max_length`.
    public static let maxLength = OptionKey<Int>(
        "max_length", min: 4, max: 65_535, default: 128, "tokens per text, special tokens included")
    /// `min_span`.
    public static let minSpan = OptionKey<Int>(
        "min_span", min: 1, max: 65_535, default: 16, "spans: the shortest span, in tokens")
    /// `negative_max_similarity`.
    public static let negativeMaxSimilarity = OptionKey<Double>(
        "negative_max_similarity", min: 0, max: 1, default: 0.7,
        "minhash: a hard negative's estimated Jaccard (token 3-grams) stays below this (below the duplicate threshold)")
    /// `seed`.
    public static let seedOption = OptionKey<Int>("seed", min: 0, default: 12_345, "seed of every random draw")
    /// `cls_token`.
    public static let clsToken = OptionKey<String>(
        "cls_token", default: "auto",
        "the token before each text (auto: [CLS] when the tokenizer has it; none: nothing)")
    /// `sep_token`.
    public static let sepToken = OptionKey<String>(
        "sep_token", default: "auto", "the token after each text (auto: [SEP] when the tokenizer has it; none: nothing)"
    )
    /// `pad_token`.
    public static let padToken = OptionKey<String>(
        "pad_token", default: "auto", "the padding token (auto: [PAD] or <pad> when the tokenizer has one, else id 0)")

    /// Where positives come from.
    public enum Positives: String, Sendable, CaseIterable, OptionChoice {
        /// Consecutive sentences (1st with 2nd, 3rd with 4th, …).
        case adjacentSentences = "adjacent_sentences"
        /// Two random spans of one document (they may overlap).
        case spans
        /// Each sentence twice (SimCSE: dropout makes the two views).
        case sameText = "same_text"
    }

    /// Where hard negatives come from.
    public enum HardNegatives: String, Sendable, CaseIterable, OptionChoice {
        /// None: in-batch negatives only.
        case none
        /// Another document with the same `source` column.
        case sameSource = "same_source"
        /// The most similar document below `negative_max_similarity`.
        case minhash
    }

    let options: StageOptions
    /// The stage's seed (option `seed`).
    public let seed: UInt64
    /// The `where` condition choosing the documents (`ExampleSelection`; empty: all).
    public let condition: String

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        self.options = options
        seed = UInt64(options[Self.seedOption])
        condition = options[ExampleSelection.condition]
    }

    /// The record layout.
    public func recordSchema(tokens: TokenRecords) throws -> RecordSchema {
        let ids = tokens.idType
        let length = options[Self.maxLength]
        var fields: [RecordSchema.Field] = []
        let sides = options[Self.hardNegatives] == .none ? ["anchor", "positive"] : ["anchor", "positive", "negative"]
        for side in sides { fields += [.init("\(side)_ids", ids, count: length), .init("\(side)_length", .uint16)] }
        return try RecordSchema(fields)
    }

    /// A generator for one shard.
    public func makeGenerator(tokens: TokenRecords, seed: UInt64) throws -> ContrastiveGenerator {
        let vocabulary = ExampleVocabulary(tokens.tokenizer)
        let cls = try special(options[Self.clsToken], defaults: ["[CLS]"], option: "cls_token", vocabulary)
        let sep = try special(options[Self.sepToken], defaults: ["[SEP]"], option: "sep_token", vocabulary)
        let pad =
            try special(options[Self.padToken], defaults: ["[PAD]", "<pad>"], option: "pad_token", vocabulary) ?? 0
        let text = TextLayout(
            maxLength: options[Self.maxLength], idType: tokens.idType, cls: cls, sep: sep, pad: pad)
        return ContrastiveGenerator(
            positives: options[Self.positives], negatives: options[Self.hardNegatives], text: text,
            minSpan: options[Self.minSpan], negativeBound: options[Self.negativeMaxSimilarity],
            minHash: TokenMinHash(seed: self.seed), random: ExampleRandom(seed: seed))
    }

    /// The id of a special-token option: `auto` the first default present (or none), `none`
    /// none, otherwise the named token, which must exist.
    private func special(
        _ value: String, defaults: [String], option: String, _ vocabulary: ExampleVocabulary
    ) throws -> UInt32? {
        switch value {
        case "auto": vocabulary.firstID(of: defaults)
        case "none", "": nil
        default: try vocabulary.id(of: value, option: option)
        }
    }
}

/// One text of a pair in its record: `[CLS]? ids [SEP]?`, cut to fit, padded.
struct TextLayout: Sendable {
    let maxLength: Int
    let idType: RecordSchema.ScalarType
    let cls: UInt32?
    let sep: UInt32?
    let pad: UInt32

    /// Room for the text's own tokens.
    var room: Int { maxLength - (cls == nil ? 0 : 1) - (sep == nil ? 0 : 1) }

    /// Appends `ids` (cut to `room`) with the special tokens, padding and length.
    func append(_ ids: ArraySlice<UInt32>, to record: inout RecordBuilder) {
        var tokens: [UInt32] = []
        if let cls { tokens.append(cls) }
        tokens += ids.prefix(room)
        if let sep { tokens.append(sep) }
        record.append(ids: tokens, as: idType, paddedTo: maxLength, with: pad)
        record.append(UInt16(tokens.count))
    }
}
