import PretextCore
import PretextStore
import PretextTokenizer

/// T5 span corruption (`t5_spans`): documents' ids + EOS concatenated and cut into chunks of
/// the raw length `random_spans_helper` gives for `inputs_length`; in each chunk, random noise
/// spans are replaced by sentinels in the inputs and the targets list each sentinel with its
/// noise tokens. `docs/stages/examples.md`.
///
/// Record layout (`{"inputs":"uint16[I]","targets":"uint16[T]","inputs_length":"uint16[1]",
/// "targets_length":"uint16[1]"}`, ids `uint32` when the token records are): both sequences end
/// in EOS and are padded with the pad id after their lengths. Sentinels count down from
/// `sentinel_start` (T5: `<extra_id_0>` is the highest id; by default the 100 ids after the
/// vocabulary, as T5's `extra_ids`, so the model's embedding needs them). A shard's last, partial chunk is
/// corrupted at its own length and padded (`last_chunk: pad`) or dropped; chunks never span
/// input shards.
public struct T5SpanStage: ExampleStage {
    public static let descriptor = StageDescriptor(
        name: "t5_spans",
        summary: "T5 span corruption: inputs with sentinels for noise spans, targets with the spans",
        options: [
            inputsLength, noiseDensity, meanNoiseSpanLength, lastChunk, sentinelStart, eosToken, padToken, seedOption,
            ExampleSelection.condition,
        ],
        input: .dataset, output: .examples)

    /// `inputs_length`: tokens of the inputs (EOS included).
    public static let inputsLength = OptionKey<Int>(
        "inputs_length", min: 8, max: 65_535, default: 512, "tokens of each input, EOS included (T5: 512)")
    /// `noise_density`: the share of a chunk's tokens that are noise.
    public static let noiseDensity = OptionKey<Double>(
        "noise_density", min: 0.01, max: 0.99, default: 0.15, "share of each chunk's tokens masked (T5: 0.15)")
    /// `mean_noise_span_length`: the mean length of a noise span.
    public static let meanNoiseSpanLength = OptionKey<Double>(
        "mean_noise_span_length", min: 1, max: 1000, default: 3, "mean tokens per noise span (T5: 3)")
    /// `last_chunk`: what happens to a shard's last, partial chunk.
    public static let lastChunk = OptionKey<CausalLMStage.LastBlock>(
        "last_chunk", default: .pad, "a shard's last partial chunk: pad (corrupted at its own length) or drop")
    /// `sentinel_start`: the id of the first sentinel.
    public static let sentinelStart = OptionKey<Int>(
        "sentinel_start", min: -1, default: -1,
        "id of the first sentinel, the next ones below it (-1: <extra_id_0>'s id if the tokenizer has it, "
            + "else T5's 100 extra ids after the vocabulary: vocabulary size + 99)")
    /// `eos_token`: the token ending each document, the inputs and the targets.
    public static let eosToken = OptionKey<String>(
        "eos_token", default: "", "token after each document and sequence (empty: <|endoftext|>, else [SEP], else </s>)"
    )
    /// `pad_token`: the token filling short inputs and targets.
    public static let padToken = OptionKey<String>(
        "pad_token", default: "", "token padding short sequences (empty: [PAD], else <pad>, else the EOS token)")
    /// `seed`: the seed of the noise masks (mixed with each shard's path).
    public static let seedOption = OptionKey<Int>("seed", min: 0, default: 0, "seed of the noise masks")

    /// The `dataset_meta` key holding the first sentinel's id, for `pretext cat`.
    public static let sentinelMetaKey = "t5_sentinel_start"

    /// The lengths of every chunk.
    public let lengths: T5SpanLengths
    /// The noise options.
    private let noiseDensity: Double
    private let meanNoiseSpanLength: Double
    private let lastChunk: CausalLMStage.LastBlock
    private let sentinelStart: Int
    private let eos: String
    private let pad: String
    /// The stage's seed.
    public let seed: UInt64
    /// The `where` condition choosing the documents (`ExampleSelection`; empty: all).
    public let condition: String

    /// Creates the stage from checked options.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when the lengths leave no noise span.
    public init(options: StageOptions) throws {
        noiseDensity = options[Self.noiseDensity]
        meanNoiseSpanLength = options[Self.meanNoiseSpanLength]
        lengths = try T5SpanLengths(
            inputsLength: options[Self.inputsLength], noiseDensity: noiseDensity,
            meanNoiseSpanLength: meanNoiseSpanLength)
        lastChunk = options[Self.lastChunk]
        sentinelStart = options[Self.sentinelStart]
        eos = options[Self.eosToken]
        pad = options[Self.padToken]
        seed = UInt64(options[Self.seedOption])
        condition = options[ExampleSelection.condition]
    }

    /// `inputs`, `targets` and their lengths; ids of the token records' width.
    public func recordSchema(tokens: TokenRecords) throws -> RecordSchema {
        try RecordSchema([
            .init("inputs", tokens.idType, count: lengths.inputsLength),
            .init("targets", tokens.idType, count: lengths.targetsLength), .init("inputs_length", .uint16),
            .init("targets_length", .uint16),
        ])
    }

    /// A generator with the special ids of the input's tokenizer.
    public func makeGenerator(tokens: TokenRecords, seed: UInt64) throws -> T5SpanGenerator {
        let ids = try ExampleSpecialTokens.eosAndPad(eos: eos, pad: pad, in: ExampleVocabulary(tokens.tokenizer))
        let sentinel = try firstSentinel(tokens: tokens, reserved: [ids.eos, ids.pad])
        return T5SpanGenerator(
            lengths: lengths, noiseDensity: noiseDensity, meanNoiseSpanLength: meanNoiseSpanLength,
            special: .init(eos: ids.eos, pad: ids.pad, firstSentinel: sentinel), idType: tokens.idType,
            padsLastChunk: lastChunk == .pad, random: ExampleRandom(seed: seed))
    }

    /// The number of sentinel ids T5 adds after its vocabulary (`extra_ids`).
    public static let extraIDs = 100

    /// The first sentinel's id: `sentinel_start`; else `<extra_id_0>`'s id when the tokenizer
    /// has it (HF's T5 tokenizers); else, as T5, the top of `extraIDs` new ids after the
    /// vocabulary (more when a chunk has more spans), which no real token takes.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when the sentinels go below 0, do not fit
    ///   the id width, or take the EOS or padding id.
    func firstSentinel(tokens: TokenRecords, reserved: [UInt32]) throws -> UInt32 {
        let tokenizer = tokens.tokenizer
        let extra = tokenizer.vocabularySize + max(Self.extraIDs, lengths.noiseSpans) - 1
        let start =
            sentinelStart >= 0
            ? sentinelStart : ExampleVocabulary(tokenizer).firstID(of: ["<extra_id_0>"]).map(Int.init) ?? extra
        let sentinels = (start - lengths.noiseSpans + 1)...start
        let limit = tokens.idType == .uint16 ? 1 << 16 : 1 << 32
        guard sentinels.lowerBound >= 0, start < limit, !reserved.contains(where: { sentinels.contains(Int($0)) })
        else {
            throw PretextError(
                .invalidConfiguration,
                "sentinel_start: the \(lengths.noiseSpans) sentinels \(sentinels.lowerBound)...\(start) must be ids of "
                    + "\(tokens.idType.rawValue) other than the EOS and padding ids; set sentinel_start "
                    + "(or tokenize with ids: uint32)")
        }
        return UInt32(start)
    }

    /// Copies the tokenizer into the output and stores the first sentinel, for `pretext cat`.
    public func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String] {
        let lines = try copyTokenizer(to: dataset, from: input)
        guard case .dataset(let path) = input else { return lines }
        let tokens = try Self.tokens(of: try Dataset.open(at: path))
        let ids = try ExampleSpecialTokens.eosAndPad(eos: eos, pad: pad, in: ExampleVocabulary(tokens.tokenizer))
        let sentinel = try firstSentinel(tokens: tokens, reserved: [ids.eos, ids.pad])
        try dataset.openCatalog().setMeta(Self.sentinelMetaKey, String(sentinel))
        return lines
    }
}
