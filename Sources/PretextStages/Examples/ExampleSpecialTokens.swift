import PretextCore

/// The special tokens an example stage names in its options (`eos_token`, `pad_token`), found
/// through `ExampleVocabulary` (a tokenizer's added tokens, then its vocabulary).
enum ExampleSpecialTokens {
    /// The end-of-sequence tokens tried, in order, when `eos_token` is empty: GPT-2's, BERT's, T5's.
    static let eosDefaults = ["<|endoftext|>", "[SEP]", "</s>"]
    /// The padding tokens tried, in order, when `pad_token` is empty (then the EOS id pads).
    static let padDefaults = ["[PAD]", "<pad>"]

    /// The id of the token `given` for `option`; empty: of the first of `defaults` the tokenizer has.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the option when the tokenizer has
    ///   no such token.
    static func id(
        _ given: String, option: String, defaults: [String], in vocabulary: ExampleVocabulary
    ) throws
        -> UInt32
    {
        let candidates = given.isEmpty ? defaults : [given]
        if let id = vocabulary.firstID(of: candidates) { return id }
        let tried = candidates.joined(separator: ", ")
        throw PretextError(
            .invalidConfiguration,
            "\(option): the tokenizer has no token \(tried); name one of its tokens with the \(option) option")
    }

    /// The EOS id (option `eos_token`) and the padding id (option `pad_token`; empty: `[PAD]`,
    /// `<pad>`, else the EOS id).
    static func eosAndPad(
        eos: String, pad: String, in vocabulary: ExampleVocabulary
    ) throws -> (
        eos: UInt32, pad: UInt32
    ) {
        let eosID = try id(eos, option: "eos_token", defaults: eosDefaults, in: vocabulary)
        guard pad.isEmpty else { return (eosID, try id(pad, option: "pad_token", defaults: [], in: vocabulary)) }
        return (eosID, vocabulary.firstID(of: padDefaults) ?? eosID)
    }
}
