import PretextCore

/// A trained tokenizer: normalization, pre-tokenization, a model and added tokens, as HF
/// tokenizers' `tokenizer.json` describes them. Encodes text to ids and decodes ids to text.
///
/// Supported: byte-level BPE (GPT-2, RoBERTa), BERT's WordPiece, and Unigram (SentencePiece);
/// `TokenizerFile` reads and writes them.
public struct Tokenizer: Sendable {
    /// The model that turns a pre-tokenized word into tokens.
    public enum Model: Sendable {
        /// Byte-pair encoding.
        case bpe(BPEModel)
        /// BERT's WordPiece.
        case wordPiece(WordPieceModel)
        /// SentencePiece's Unigram.
        case unigram(UnigramModel)

        /// The token strings by id.
        public var vocabulary: [String] {
            switch self {
            case .bpe(let bpe): bpe.vocabulary
            case .wordPiece(let wordPiece): wordPiece.vocabulary
            case .unigram(let unigram): unigram.vocabulary
            }
        }
    }

    /// How the text is split into words before the model sees them.
    public enum PreTokenizer: Sendable, Equatable {
        /// GPT-2's byte-level splitting (`ByteLevel`).
        case byteLevel(addPrefixSpace: Bool, trimOffsets: Bool, useRegex: Bool)
        /// Byte-level splitting by `pattern` (Llama 3's with `.cl100k`): HF's `Sequence` of a
        /// `Split` (the pattern's regex, `Isolated`) and a `ByteLevel` that does not split
        /// (`add_prefix_space: false`, `trim_offsets: true`, `use_regex: false`).
        case splitByteLevel(pattern: SplitPattern)
        /// BERT's whitespace and punctuation splitting (`BertPreTokenizer`).
        case bert
        /// SentencePiece's `▁` word boundaries (`Metaspace`).
        case metaspace(Metaspace)

        /// For the byte-level pre-tokenizers: whether a space goes before the text, and the
        /// pattern that splits it (`nil`: none, the text is one piece); `nil` for the others.
        var byteLevelSplitting: (addPrefixSpace: Bool, pattern: SplitPattern?)? {
            switch self {
            case .byteLevel(let addPrefixSpace, _, let useRegex): (addPrefixSpace, useRegex ? .gpt2 : nil)
            case .splitByteLevel(let pattern): (false, pattern)
            case .bert, .metaspace: nil
            }
        }
    }

    /// The model.
    public var model: Model
    /// The normalization applied before pre-tokenization, if any.
    public var normalizer: BertNormalizer?
    /// The pre-tokenizer.
    public var preTokenizer: PreTokenizer
    /// Tokens matched before pre-tokenization (special tokens), by id.
    public var addedTokens: [AddedToken]
    /// How tokens become text again (nil: joined with spaces, as HF does without a decoder).
    public var decoder: Decoder?

    private let splitter: AddedTokenSplitter
    /// The byte-level BPE encoder, when that is the model (built once: its byte table).
    let byteLevel: ByteLevelBPE?

    /// A tokenizer of `model`, `normalizer` and `preTokenizer` with `addedTokens`, decoding with
    /// `decoder` (by default the one HF pairs with the model: see `Decoder.standard`).
    public init(
        model: Model, normalizer: BertNormalizer? = nil, preTokenizer: PreTokenizer, addedTokens: [AddedToken] = [],
        decoder: Decoder?? = nil
    ) {
        self.model = model
        self.normalizer = normalizer
        self.preTokenizer = preTokenizer
        self.addedTokens = addedTokens
        self.decoder = decoder ?? Decoder.standard(for: model, preTokenizer: preTokenizer)
        splitter = AddedTokenSplitter(addedTokens)
        if case .bpe(let bpe) = model, let splitting = preTokenizer.byteLevelSplitting, normalizer == nil {
            byteLevel = ByteLevelBPE(model: bpe, addPrefixSpace: splitting.addPrefixSpace, pattern: splitting.pattern)
        } else {
            byteLevel = nil
        }
    }

    /// The model's token strings by id.
    public var vocabulary: [String] { model.vocabulary }

    /// The number of ids (the model's vocabulary and the added tokens beyond it).
    public var vocabularySize: Int {
        max(vocabulary.count, (addedTokens.map { Int($0.id) }.max() ?? -1) + 1)
    }

    /// The tokens of `text` (no special tokens are added around it).
    public func encode(_ text: String) -> Encoding {
        var encoding = Encoding()
        var text = text
        text.withUTF8 { raw in
            let bytes = UnsafeRawBufferPointer(raw)
            let scalarIndex = ByteLevelBPE.scalarIndexes(bytes)
            for part in splitter.split(bytes) {
                switch part {
                case .token(let token, let range):
                    let offset = Int(scalarIndex[range.lowerBound])..<Int(scalarIndex[range.upperBound])
                    encoding.append(id: token.id, token: token.content, offset: offset)
                case .text(let range):
                    let piece = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    encodeText(piece, scalarBase: Int(scalarIndex[range.lowerBound]), into: &encoding)
                }
            }
        }
        return encoding
    }

    /// Appends the ids of `text` to `ids` (no tokens or offsets): the fast path for byte-level
    /// BPE and for Unigram, with pieces or words looked up in `cache`; the full encoding for
    /// WordPiece.
    func encodeIDs(_ text: String, into ids: inout [UInt32], cache: inout PieceCache) {
        if let metaspace = fastUnigram {
            return encodeUnigramIDs(text, metaspace: metaspace, into: &ids, cache: &cache)
        }
        guard let byteLevel else { return ids += encode(text).ids }
        var text = text
        text.withUTF8 { raw in
            let bytes = UnsafeRawBufferPointer(raw)
            for part in splitter.split(bytes) {
                switch part {
                case .token(let token, _): ids.append(token.id)
                case .text(let range):
                    if byteLevel.addPrefixSpace {
                        // The prefix space changes the bytes: go through the general path.
                        let piece = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                        var encoding = Encoding()
                        byteLevel.encode(piece, into: &encoding)
                        ids += encoding.ids
                    } else {
                        byteLevel.encodeIDs(UnsafeRawBufferPointer(rebasing: bytes[range]), into: &ids, cache: &cache)
                    }
                }
            }
        }
    }

    /// The Metaspace settings when the model is Unigram behind a plain Metaspace (`▁`, split,
    /// no normalizer): the case `UnigramModel.encodeIDs` covers.
    private var fastUnigram: Metaspace? {
        guard normalizer == nil, case .unigram = model, case .metaspace(let metaspace) = preTokenizer,
            metaspace.split, metaspace.replacement == "\u{2581}"
        else { return nil }
        return metaspace
    }

    private func encodeUnigramIDs(
        _ text: String, metaspace: Metaspace, into ids: inout [UInt32], cache: inout PieceCache
    ) {
        guard case .unigram(let unigram) = model else { return }
        var text = text
        text.withUTF8 { raw in
            let bytes = UnsafeRawBufferPointer(raw)
            for part in splitter.split(bytes) {
                switch part {
                case .token(let token, _): ids.append(token.id)
                case .text(let range):
                    // `first` prepends only to the part that starts the input, as `encode` does.
                    let scheme: Metaspace.PrependScheme =
                        metaspace.prependScheme == .first && range.lowerBound > 0 ? .never : metaspace.prependScheme
                    unigram.encodeIDs(
                        UnsafeRawBufferPointer(rebasing: bytes[range]), prependScheme: scheme, into: &ids, cache: &cache
                    )
                }
            }
        }
    }

    private func encodeText(_ text: String, scalarBase: Int, into encoding: inout Encoding) {
        if let byteLevel {
            byteLevel.encode(text, scalarBase: scalarBase, into: &encoding)
            return
        }
        var normalized = NormalizedText(text, base: scalarBase)
        if let normalizer { normalized = normalizer.normalize(normalized) }
        let words: [Range<Int>]
        switch preTokenizer {
        case .metaspace(let metaspace):
            normalized = metaspace.apply(normalized, atStart: scalarBase == 0)
            words = metaspace.words(normalized)
        case .bert, .byteLevel, .splitByteLevel:
            words = BertPreTokenizer.words(normalized)
        }
        for word in words {
            let scalars = normalized.scalars[word]
            switch model {
            case .wordPiece(let wordPiece):
                for piece in wordPiece.split(scalars) {
                    let range = word.lowerBound + piece.range.lowerBound..<word.lowerBound + piece.range.upperBound
                    encoding.append(
                        id: piece.id, token: wordPiece.vocabulary[Int(piece.id)],
                        offset: normalized.originalRange(range))
                }
            case .unigram(let unigram):
                // A model without an unknown token leaves uncovered characters out (HF fails).
                for piece in (try? unigram.split(scalars.map(\.value))) ?? [] {
                    let range = word.lowerBound + piece.range.lowerBound..<word.lowerBound + piece.range.upperBound
                    let token =
                        piece.id == unigram.unknownID
                        ? String(String.UnicodeScalarView(normalized.scalars[range]))
                        : unigram.vocabulary[Int(piece.id)]
                    encoding.append(id: piece.id, token: token, offset: normalized.originalRange(range))
                }
            case .bpe(let bpe):
                var symbols: [UInt32] = []
                var spans: [Range<Int>] = []
                for (offset, scalar) in scalars.enumerated() {
                    guard let id = bpe.id(of: String(scalar)) else { continue }
                    symbols.append(id)
                    spans.append(word.lowerBound + offset..<word.lowerBound + offset + 1)
                }
                bpe.merge(&symbols, spans: &spans)
                for (id, span) in zip(symbols, spans) {
                    encoding.append(id: id, token: bpe.vocabulary[Int(id)], offset: normalized.originalRange(span))
                }
            }
        }
    }

    /// The text of `ids`, as HF's `decode`: the tokens (special ones left out if
    /// `skipSpecialTokens`) through the decoder.
    public func decode(_ ids: [UInt32], skipSpecialTokens: Bool = true) -> String {
        let added = Dictionary(addedTokens.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let vocabulary = self.vocabulary
        var tokens: [String] = []
        tokens.reserveCapacity(ids.count)
        for id in ids {
            if let token = added[id] {
                if !(token.special && skipSpecialTokens) { tokens.append(token.content) }
            } else if Int(id) < vocabulary.count {
                tokens.append(vocabulary[Int(id)])
            }
        }
        guard let decoder else { return tokens.joined(separator: " ") }
        return decoder.decode(tokens)
    }
}
