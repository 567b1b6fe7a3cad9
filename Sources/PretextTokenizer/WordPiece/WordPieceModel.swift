import Foundation
import PretextCore

/// A WordPiece vocabulary and BERT's greedy longest-match-first encoding of one word
/// (HF tokenizers' `WordPiece` model, `models/wordpiece/mod.rs`): from the start of the word,
/// the longest vocabulary entry that matches is taken (`##`-prefixed after the first piece);
/// a word with a part that matches nothing, or longer than `maxInputCharactersPerWord`
/// characters, is one unknown token.
public struct WordPieceModel: Sendable, Equatable {
    /// Token strings by id.
    public let vocabulary: [String]
    /// The token for words that cannot be split (`[UNK]`).
    public let unknownToken: String
    /// The prefix of pieces that continue a word (`##`).
    public let continuingSubwordPrefix: String
    /// Longer words (in characters) are unknown (BERT: 100).
    public let maxInputCharactersPerWord: Int

    private let ids: [String: UInt32]

    /// A model of `vocabulary`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for a duplicate token or an unknown
    ///   token missing from the vocabulary.
    public init(
        vocabulary: [String], unknownToken: String = "[UNK]", continuingSubwordPrefix: String = "##",
        maxInputCharactersPerWord: Int = 100
    ) throws {
        var ids: [String: UInt32] = [:]
        for (id, token) in vocabulary.enumerated() {
            guard ids.updateValue(UInt32(id), forKey: token) == nil else {
                throw PretextError(.invalidConfiguration, "the vocabulary holds token \(id) twice")
            }
        }
        guard ids[unknownToken] != nil else {
            throw PretextError(.invalidConfiguration, "the unknown token '\(unknownToken)' is not in the vocabulary")
        }
        self.vocabulary = vocabulary
        self.unknownToken = unknownToken
        self.continuingSubwordPrefix = continuingSubwordPrefix
        self.maxInputCharactersPerWord = maxInputCharactersPerWord
        self.ids = ids
    }

    public static func == (lhs: WordPieceModel, rhs: WordPieceModel) -> Bool {
        lhs.vocabulary == rhs.vocabulary && lhs.unknownToken == rhs.unknownToken
            && lhs.continuingSubwordPrefix == rhs.continuingSubwordPrefix
            && lhs.maxInputCharactersPerWord == rhs.maxInputCharactersPerWord
    }

    /// The id of `token`, if it is in the vocabulary.
    public func id(of token: String) -> UInt32? { ids[token] }

    /// The pieces of one word (its scalars): ids and ranges within the word.
    func split(_ word: ArraySlice<Unicode.Scalar>) -> [(id: UInt32, range: Range<Int>)] {
        // The unknown token is in the vocabulary (checked by init).
        let unknown = [(id: ids[unknownToken]!, range: 0..<word.count)]
        guard word.count <= maxInputCharactersPerWord else { return unknown }
        var pieces: [(id: UInt32, range: Range<Int>)] = []
        let scalars = Array(word)
        var start = 0
        while start < scalars.count {
            var end = scalars.count
            var found: UInt32?
            while start < end {
                var candidate = String(String.UnicodeScalarView(scalars[start..<end]))
                if start > 0 { candidate = continuingSubwordPrefix + candidate }
                if let id = ids[candidate] {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else { return unknown }
            pieces.append((id, start..<end))
            start = end
        }
        return pieces
    }
}

extension WordPieceModel {
    /// The text of `ids` as HF's `WordPiece` decoder writes it: tokens joined by spaces, a
    /// continuation piece glued to the one before (its `##` removed), then BERT's clean-up of
    /// spaces before punctuation and contractions.
    func decode(_ ids: [UInt32]) -> String {
        var text = ""
        for (index, id) in ids.enumerated() where Int(id) < vocabulary.count {
            let token = vocabulary[Int(id)]
            if token.hasPrefix(continuingSubwordPrefix) {
                text += token.dropFirst(continuingSubwordPrefix.count)
            } else {
                if index > 0 { text += " " }
                text += token
            }
        }
        return Self.cleanUp(text)
    }

    /// HF's `clean_up_tokenization`.
    static func cleanUp(_ text: String) -> String {
        var text = text
        for (from, to) in [
            (" .", "."), (" ?", "?"), (" !", "!"), (" ,", ","), (" ' ", "'"), (" n't", "n't"), (" 'm", "'m"),
            (" 's", "'s"), (" 've", "'ve"), (" 're", "'re"),
        ] {
            text = text.replacingOccurrences(of: from, with: to)
        }
        return text
    }
}
