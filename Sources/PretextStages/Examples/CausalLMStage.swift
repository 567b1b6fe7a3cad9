import PretextCore
import PretextStore

/// Packs a tokenized dataset into causal-LM blocks, GPT-2 style: each document's ids followed
/// by EOS, concatenated, cut into blocks of `block_size` tokens. `docs/stages/examples.md`.
///
/// Record layout (`{"input_ids":"uint16[B]","positions":"uint16[B]","length":"uint16[1]"}`,
/// ids `uint32` when the token records are): `input_ids` the tokens, padded with the pad id
/// after `length` real ones; `positions` each token's position in its document, restarting
/// at 0 at every document start and at the block's start (0 on padding), so attention and
/// positions can restart per document. A shard's last, partial block is padded
/// (`last_block: pad`) or dropped (`drop`); blocks never span input shards.
public struct CausalLMStage: ExampleStage {
    public static let descriptor = StageDescriptor(
        name: "causal_lm",
        summary: "pack documents + EOS into fixed causal-LM blocks with per-document positions",
        options: [blockSize, lastBlock, eosToken, padToken, seedOption, ExampleSelection.condition], input: .dataset,
        output: .examples)

    /// `block_size`: tokens per block.
    public static let blockSize = OptionKey<Int>(
        "block_size", min: 2, max: 65_535, default: 1024, "tokens per block (GPT-2: 1024)")
    /// `last_block`: what happens to a shard's last, partial block.
    public static let lastBlock = OptionKey<LastBlock>(
        "last_block", default: .pad, "a shard's last partial block: pad (length says how much is real) or drop")
    /// `eos_token`: the token ending each document.
    public static let eosToken = OptionKey<String>(
        "eos_token", default: "", "token after each document (empty: <|endoftext|>, else [SEP], else </s>)")
    /// `pad_token`: the token filling a partial block.
    public static let padToken = OptionKey<String>(
        "pad_token", default: "", "token padding a partial block (empty: [PAD], else <pad>, else the EOS token)")
    /// `seed`: the frame's seed; packing draws nothing, so it does not change the blocks.
    public static let seedOption = OptionKey<Int>(
        "seed", min: 0, default: 0, "seed of the shard streams (packing is not random: no effect on the blocks)")

    /// What happens to a shard's last block when it is not full.
    public enum LastBlock: String, Sendable, CaseIterable, OptionChoice {
        /// Written, padded; its `length` says how many tokens are real.
        case pad
        /// Not written.
        case drop
    }

    /// Tokens per block.
    public let blockSize: Int
    /// What happens to a partial last block.
    public let lastBlock: LastBlock
    /// The EOS and padding tokens as given (empty: the defaults).
    private let eos: String
    private let pad: String
    /// The stage's seed.
    public let seed: UInt64
    /// The `where` condition choosing the documents (`ExampleSelection`; empty: all).
    public let condition: String

    /// Creates the stage from checked options.
    public init(options: StageOptions) throws {
        blockSize = options[Self.blockSize]
        lastBlock = options[Self.lastBlock]
        eos = options[Self.eosToken]
        pad = options[Self.padToken]
        seed = UInt64(options[Self.seedOption])
        condition = options[ExampleSelection.condition]
    }

    /// `input_ids`, `positions`, `length`; ids of the token records' width.
    public func recordSchema(tokens: TokenRecords) throws -> RecordSchema {
        try RecordSchema([
            .init("input_ids", tokens.idType, count: blockSize), .init("positions", .uint16, count: blockSize),
            .init("length", .uint16),
        ])
    }

    /// A packer with the EOS and padding ids of the input's tokenizer.
    public func makeGenerator(tokens: TokenRecords, seed: UInt64) throws -> CausalLMGenerator {
        let ids = try ExampleSpecialTokens.eosAndPad(eos: eos, pad: pad, in: ExampleVocabulary(tokens.tokenizer))
        return CausalLMGenerator(
            blockSize: blockSize, eos: ids.eos, pad: ids.pad, idType: tokens.idType, padsLastBlock: lastBlock == .pad)
    }
}
