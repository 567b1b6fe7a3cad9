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
            ("decoder", tokenizer.decoder.map(decoder) ?? .null),
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
        case .splitByteLevel(let pattern):
            .object([
                ("type", .string("Sequence")),
                (
                    "pretokenizers",
                    .array([
                        .object([
                            ("type", .string("Split")), ("pattern", .object([("Regex", .string(pattern.regex))])),
                            ("behavior", .string("Isolated")), ("invert", .boolean(false)),
                        ]),
                        Self.preTokenizer(.byteLevel(addPrefixSpace: false, trimOffsets: true, useRegex: false)),
                    ])
                ),
            ])
        case .bert: .object([("type", .string("BertPreTokenizer"))])
        case .metaspace(let metaspace):
            metaspaceObject(metaspace.replacement, metaspace.prependScheme, metaspace.split)
        }
    }

    private static func metaspaceObject(
        _ replacement: Unicode.Scalar, _ scheme: Metaspace.PrependScheme, _ split: Bool
    ) -> PrettyJSON {
        .object([
            ("type", .string("Metaspace")), ("replacement", .string(String(replacement))),
            ("prepend_scheme", .string(scheme.rawValue)), ("split", .boolean(split)),
        ])
    }

    private static func decoder(_ decoder: Decoder) -> PrettyJSON {
        switch decoder {
        case .byteLevel:
            .object([
                ("type", .string("ByteLevel")), ("add_prefix_space", .boolean(true)), ("trim_offsets", .boolean(true)),
                ("use_regex", .boolean(true)),
            ])
        case .wordPiece(let prefix, let cleanup):
            .object([("type", .string("WordPiece")), ("prefix", .string(prefix)), ("cleanup", .boolean(cleanup))])
        case .metaspace(let replacement, let scheme, let split): metaspaceObject(replacement, scheme, split)
        case .byteFallback: .object([("type", .string("ByteFallback"))])
        case .sequence(let decoders):
            .object([("type", .string("Sequence")), ("decoders", .array(decoders.map(self.decoder)))])
        }
    }

    static func model(_ model: Tokenizer.Model) -> PrettyJSON {
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
        case .unigram(let unigram):
            .object([
                ("type", .string("Unigram")), ("unk_id", unigram.unknownID.map { .integer(Int($0)) } ?? .null),
                (
                    "vocab",
                    .array(zip(unigram.vocabulary, unigram.scores).map { .array([.string($0), .number($1)]) })
                ),
                ("byte_fallback", .boolean(unigram.byteFallback)),
            ])
        }
    }

    private static func vocabulary(_ tokens: [String]) -> PrettyJSON {
        .object(tokens.enumerated().map { ($1, .integer($0)) })
    }
}
