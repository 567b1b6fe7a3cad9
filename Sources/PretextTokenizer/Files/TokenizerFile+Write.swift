import PretextCore
import _PretextFileSystem

extension TokenizerFile {
    /// `tokenizer` as HF tokenizers' `tokenizer.json` (what `Tokenizer.save(path, pretty=True)`
    /// writes): loadable with `tokenizers.Tokenizer.from_file` and
    /// `transformers.PreTrainedTokenizerFast(tokenizer_file=…)`.
    public static func json(_ tokenizer: Tokenizer) -> String {
        PrettyJSON.object([
            ("version", .string("1.0")),
            ("truncation", .null),
            ("padding", .null),
            ("added_tokens", .array(tokenizer.addedTokens.map(addedToken))),
            ("normalizer", tokenizer.normalizer.map(normalizer) ?? .null),
            ("pre_tokenizer", preTokenizer(tokenizer.preTokenizer)),
            ("post_processor", .null),
            ("decoder", decoder(tokenizer)),
            ("model", model(tokenizer.model)),
        ]).text()
    }

    /// Writes `tokenizer` as `tokenizer.json` at `path` (atomically).
    public static func write(_ tokenizer: Tokenizer, to path: String) throws {
        try FileSystem.writeAtomically(Array(json(tokenizer).utf8), to: path)
    }

    private static func addedToken(_ token: AddedToken) -> PrettyJSON {
        .object([
            ("id", .integer(Int(token.id))), ("content", .string(token.content)),
            ("single_word", .boolean(token.singleWord)), ("lstrip", .boolean(token.leftStrip)),
            ("rstrip", .boolean(token.rightStrip)), ("normalized", .boolean(token.normalized)),
            ("special", .boolean(token.special)),
        ])
    }

    private static func normalizer(_ bert: BertNormalizer) -> PrettyJSON {
        .object([
            ("type", .string("BertNormalizer")), ("clean_text", .boolean(bert.cleanText)),
            ("handle_chinese_chars", .boolean(bert.handleChineseCharacters)),
            ("strip_accents", bert.stripAccents.map(PrettyJSON.boolean) ?? .null),
            ("lowercase", .boolean(bert.lowercase)),
        ])
    }

    private static func preTokenizer(_ preTokenizer: Tokenizer.PreTokenizer) -> PrettyJSON {
        switch preTokenizer {
        case .byteLevel(let addPrefixSpace, let trimOffsets, let useRegex):
            .object([
                ("type", .string("ByteLevel")), ("add_prefix_space", .boolean(addPrefixSpace)),
                ("trim_offsets", .boolean(trimOffsets)), ("use_regex", .boolean(useRegex)),
            ])
        case .bert: .object([("type", .string("BertPreTokenizer"))])
        }
    }

    /// The decoder HF pairs with the model: `ByteLevel` for byte-level BPE, `WordPiece` for
    /// WordPiece.
    private static func decoder(_ tokenizer: Tokenizer) -> PrettyJSON {
        switch tokenizer.model {
        case .bpe:
            .object([
                ("type", .string("ByteLevel")), ("add_prefix_space", .boolean(true)), ("trim_offsets", .boolean(true)),
                ("use_regex", .boolean(true)),
            ])
        case .wordPiece(let wordPiece):
            .object([
                ("type", .string("WordPiece")), ("prefix", .string(wordPiece.continuingSubwordPrefix)),
                ("cleanup", .boolean(true)),
            ])
        }
    }

    private static func model(_ model: Tokenizer.Model) -> PrettyJSON {
        switch model {
        case .bpe(let bpe):
            .object([
                ("type", .string("BPE")), ("dropout", .null),
                ("unk_token", bpe.unknownToken.map(PrettyJSON.string) ?? .null),
                ("continuing_subword_prefix", bpe.continuingSubwordPrefix.map(PrettyJSON.string) ?? .null),
                ("end_of_word_suffix", bpe.endOfWordSuffix.map(PrettyJSON.string) ?? .null),
                ("fuse_unk", .boolean(false)), ("byte_fallback", .boolean(false)), ("ignore_merges", .boolean(false)),
                ("vocab", vocabulary(bpe.vocabulary)),
                (
                    "merges",
                    .array(
                        bpe.merges.map {
                            .array([.string(bpe.vocabulary[Int($0.left)]), .string(bpe.vocabulary[Int($0.right)])])
                        })
                ),
            ])
        case .wordPiece(let wordPiece):
            .object([
                ("type", .string("WordPiece")), ("unk_token", .string(wordPiece.unknownToken)),
                ("continuing_subword_prefix", .string(wordPiece.continuingSubwordPrefix)),
                ("max_input_chars_per_word", .integer(wordPiece.maxInputCharactersPerWord)),
                ("vocab", vocabulary(wordPiece.vocabulary)),
            ])
        }
    }

    private static func vocabulary(_ tokens: [String]) -> PrettyJSON {
        .object(tokens.enumerated().map { ($1, .integer($0)) })
    }
}
