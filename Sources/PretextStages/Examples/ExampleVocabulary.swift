import PretextCore
import PretextStore
import PretextTokenizer

/// What the example generators need to know of a tokenizer's vocabulary: ids of named tokens,
/// which ids are special, which continue a word (for whole-word and n-gram masking).
public struct ExampleVocabulary: Sendable {
    /// The number of ids.
    public let size: Int
    /// Whether each id is a special token (an added token marked special).
    public let isSpecial: [Bool]
    /// Whether each id continues the word before it: WordPiece's `##` pieces, byte-level BPE
    /// tokens not starting with a space (`Ġ`), Unigram pieces not starting with `▁`.
    public let continuesWord: [Bool]
    /// The ids that are not special, from which random replacements are drawn.
    public let ordinaryIDs: [UInt32]
    private let ids: [String: UInt32]

    /// The vocabulary of `tokenizer`.
    public init(_ tokenizer: Tokenizer) {
        let vocabulary = tokenizer.vocabulary
        size = tokenizer.vocabularySize
        var ids: [String: UInt32] = [:]
        for (id, token) in vocabulary.enumerated() where ids[token] == nil { ids[token] = UInt32(id) }
        var special = [Bool](repeating: false, count: size)
        for token in tokenizer.addedTokens where Int(token.id) < size {
            ids[token.content] = token.id
            if token.special { special[Int(token.id)] = true }
        }
        self.ids = ids
        isSpecial = special
        let continues = Self.continuation(tokenizer.model)
        continuesWord = (0..<size).map { id in
            id < vocabulary.count && !special[id] && continues(vocabulary[id])
        }
        ordinaryIDs = (0..<size).filter { !special[$0] }.map { UInt32($0) }
    }

    /// The id of `token`.
    /// - Throws: `.invalidConfiguration` naming the option when the vocabulary lacks it.
    public func id(of token: String, option: String) throws -> UInt32 {
        guard let id = ids[token] else {
            throw PretextError(
                .invalidConfiguration,
                "\(option): the tokenizer has no token '\(token)'; name one it has, or train it with that special token"
            )
        }
        return id
    }

    /// The id of the first of `tokens` the vocabulary has, or `nil`.
    public func firstID(of tokens: [String]) -> UInt32? {
        tokens.lazy.compactMap { ids[$0] }.first
    }

    /// How a model marks a token that continues a word.
    private static func continuation(_ model: Tokenizer.Model) -> (String) -> Bool {
        switch model {
        case .wordPiece(let wordPiece):
            let prefix = wordPiece.continuingSubwordPrefix
            return { $0.hasPrefix(prefix) }
        case .bpe: return { !$0.hasPrefix("\u{0120}") }
        case .unigram: return { !$0.hasPrefix("\u{2581}") }
        }
    }
}
