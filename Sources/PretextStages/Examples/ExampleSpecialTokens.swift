import PretextCore
import PretextTokenizer

/// The special tokens an example stage names in its options (`eos_token`, `pad_token`), found
/// among a tokenizer's added tokens and then its vocabulary.
enum ExampleSpecialTokens {
    /// The end-of-sequence tokens tried, in order, when `eos_token` is empty: GPT-2's, BERT's, T5's.
    static let eosDefaults = ["<|endoftext|>", "[SEP]", "</s>"]
    /// The padding tokens tried, in order, when `pad_token` is empty (then the EOS id pads).
    static let padDefaults = ["[PAD]", "<pad>"]

    /// The id of the token `given` for `option`; empty: of the first of `defaults` the tokenizer has.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the option when the tokenizer has
    ///   no such token.
    static func id(_ given: String, option: String, defaults: [String], in tokenizer: Tokenizer) throws -> UInt32 {
        let candidates = given.isEmpty ? defaults : [given]
        for token in candidates {
            if let id = id(of: token, in: tokenizer) { return id }
        }
        let tried = candidates.joined(separator: ", ")
        throw PretextError(
            .invalidConfiguration,
            "\(option): the tokenizer has no token \(tried); name one of its tokens with the \(option) option")
    }

    /// The EOS id (option `eos_token`) and the padding id (option `pad_token`; empty: `[PAD]`,
    /// `<pad>`, else the EOS id).
    static func eosAndPad(eos: String, pad: String, in tokenizer: Tokenizer) throws -> (eos: UInt32, pad: UInt32) {
        let eosID = try id(eos, option: "eos_token", defaults: eosDefaults, in: tokenizer)
        guard pad.isEmpty else { return (eosID, try id(pad, option: "pad_token", defaults: [], in: tokenizer)) }
        return (eosID, padDefaults.lazy.compactMap { id(of: $0, in: tokenizer) }.first ?? eosID)
    }

    /// The id of `token`: an added token's, else the vocabulary's.
    static func id(of token: String, in tokenizer: Tokenizer) -> UInt32? {
        if let added = tokenizer.addedTokens.first(where: { $0.content == token }) { return added.id }
        return tokenizer.vocabulary.firstIndex(of: token).map { UInt32($0) }
    }
}
