import Foundation

/// A Unigram model while it trains: pieces in the trainer's dense characters with their log
/// probabilities, the trie that finds them in words, and the unknown piece's score
/// (SentencePiece's: the lowest score minus 10).
struct UnigramTrainingModel: Sendable {
    /// The pieces.
    let pieces: [[UInt32]]
    /// Each piece's log probability.
    let scores: [Double]
    /// The pieces by prefix.
    let trie: PieceTrie
    /// The lowest score.
    let minScore: Double
    private let probabilities: [Double]
    private let unknownScore: Double
    private let unknownProbability: Double

    init(pieces: [[UInt32]], scores: [Double]) {
        self.pieces = pieces
        self.scores = scores
        trie = PieceTrie(pieces)
        minScore = scores.min() ?? 0
        probabilities = scores.map { exp($0) }
        unknownScore = minScore - 10
        unknownProbability = exp(unknownScore)
    }

    /// The number of pieces.
    var count: Int { pieces.count }

    /// The log probability of piece `id` (`UnigramLattice.unknown`: the unknown piece's).
    @inline(__always)
    func score(_ id: Int32) -> Double { id >= 0 ? scores[Int(id)] : unknownScore }

    /// The probability of piece `id`.
    @inline(__always)
    func probability(_ id: Int32) -> Double { id >= 0 ? probabilities[Int(id)] : unknownProbability }
}
