/// How tokens become text again: HF tokenizers' decoders, each a step over the list of token
/// strings (`decode_chain`), run in order by `sequence`.
public indirect enum Decoder: Sendable, Equatable {
    /// Byte-level BPE: every token's characters back to bytes, the whole read as UTF-8 (invalid
    /// sequences become U+FFFD).
    case byteLevel
    /// WordPiece: tokens after the first are joined with a space, or without one when they
    /// carry `prefix` (removed); with `cleanup`, each token then gets BERT's clean-up.
    case wordPiece(prefix: String, cleanup: Bool)
    /// Metaspace: `replacement` back to spaces; in the first token it is removed instead,
    /// unless the scheme is `never`.
    case metaspace(replacement: Unicode.Scalar, prependScheme: Metaspace.PrependScheme, split: Bool)
    /// Byte fallback: runs of `<0xHH>` tokens become the text of their bytes (one U+FFFD per
    /// byte when they are not UTF-8).
    case byteFallback
    /// Several decoders, in order.
    case sequence([Decoder])

    /// The text of `tokens`.
    public func decode(_ tokens: [String]) -> String { chain(tokens).joined() }

    /// One decoding step over `tokens`.
    func chain(_ tokens: [String]) -> [String] {
        switch self {
        case .byteLevel:
            var bytes: [UInt8] = []
            for token in tokens { bytes += ByteLevel.decode(token) ?? Array(token.utf8) }
            return [String(decoding: bytes, as: UTF8.self)]
        case .wordPiece(let prefix, let cleanup):
            return tokens.enumerated().map { index, token in
                var token = token
                if index != 0 {
                    if token.hasPrefix(prefix) { token.removeFirst(prefix.count) } else { token = " " + token }
                }
                return cleanup ? Self.cleanUp(token) : token
            }
        case .metaspace(let replacement, let scheme, _):
            return tokens.enumerated().map { index, token in
                var text = String.UnicodeScalarView()
                for scalar in token.unicodeScalars {
                    if scalar != replacement {
                        text.append(scalar)
                    } else if index != 0 || scheme == .never {
                        text.append(" ")
                    }
                }
                return String(text)
            }
        case .byteFallback:
            return Self.fuseBytes(tokens)
        case .sequence(let decoders):
            return decoders.reduce(tokens) { $1.chain($0) }
        }
    }

    /// HF's `clean_up_tokenization`, applied to one token.
    static func cleanUp(_ token: String) -> String {
        var text = token
        for (from, to) in [
            (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"),
            (" do not", " don't"), (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
        ] where text.contains(from) {
            text = text.replacing(from, with: to)
        }
        return text
    }

    private static func fuseBytes(_ tokens: [String]) -> [String] {
        var result: [String] = []
        var bytes: [UInt8] = []
        func flush() {
            guard !bytes.isEmpty else { return }
            if let text = String(validating: bytes, as: UTF8.self) {
                result.append(text)
            } else {
                result += repeatElement("\u{FFFD}", count: bytes.count)
            }
            bytes.removeAll()
        }
        for token in tokens {
            let utf8 = Array(token.utf8)
            if utf8.count == 6, token.hasPrefix("<0x"), token.hasSuffix(">"),
                let byte = UInt8(String(decoding: utf8[3..<5], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
            } else {
                flush()
                result.append(token)
            }
        }
        flush()
        return result
    }
}

extension Decoder {
    /// The decoder HF pairs with a model: `ByteLevel` for byte-level BPE (either pattern), `WordPiece` for
    /// WordPiece, `Metaspace` (after `ByteFallback` when the model falls back to bytes) for
    /// Unigram with Metaspace words; nil otherwise.
    static func standard(for model: Tokenizer.Model, preTokenizer: Tokenizer.PreTokenizer) -> Decoder? {
        switch (model, preTokenizer) {
        case (.bpe, .byteLevel), (.bpe, .splitByteLevel): return .byteLevel
        case (.wordPiece(let wordPiece), _): return .wordPiece(prefix: wordPiece.continuingSubwordPrefix, cleanup: true)
        case (.unigram(let unigram), .metaspace(let metaspace)):
            let words = Decoder.metaspace(
                replacement: metaspace.replacement, prependScheme: metaspace.prependScheme, split: metaspace.split)
            return unigram.byteFallback ? .sequence([.byteFallback, words]) : words
        default: return nil
        }
    }
}
