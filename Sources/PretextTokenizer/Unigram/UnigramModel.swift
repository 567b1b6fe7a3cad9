import PretextCore

/// A Unigram model (SentencePiece, HF tokenizers' `Unigram`): pieces with log probabilities;
/// a word is cut into the pieces of highest total score (Viterbi), characters no piece covers
/// becoming the unknown token — or, with byte fallback, the `<0xHH>` pieces of their UTF-8 bytes.
public struct UnigramModel: Sendable {
    /// The pieces by id.
    public let vocabulary: [String]
    /// Each piece's score (log probability).
    public let scores: [Double]
    /// The unknown token's id, if the model has one.
    public let unknownID: UInt32?
    /// Whether uncovered characters become byte pieces.
    public let byteFallback: Bool
    private let trie: PieceTrie
    private let ids: [String: UInt32]
    private let byteIDs: [UInt32]?
    /// SentencePiece's score for an unknown character: the lowest score minus 10.
    private let unknownScore: Double

    /// A model of `pieces` (string and score, by id).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown id outside the vocabulary.
    public init(pieces: [(piece: String, score: Double)], unknownID: UInt32?, byteFallback: Bool = false) throws {
        if let unknownID, Int(unknownID) >= pieces.count {
            throw PretextError(
                .invalidConfiguration, "the unknown id \(unknownID) is outside the vocabulary of \(pieces.count) pieces"
            )
        }
        vocabulary = pieces.map(\.piece)
        scores = pieces.map(\.score)
        self.unknownID = unknownID
        self.byteFallback = byteFallback
        trie = PieceTrie(pieces.map { $0.piece.unicodeScalars.map(\.value) })
        var ids: [String: UInt32] = [:]
        for (id, piece) in vocabulary.enumerated() { ids[piece] = UInt32(id) }
        self.ids = ids
        let bytes = (0..<256).compactMap { ids[ByteFallback.token($0)] }
        byteIDs = byteFallback && bytes.count == 256 ? bytes : nil
        unknownScore = (scores.filter { !$0.isNaN }.min() ?? 0) - 10
    }

    /// The id of `piece`.
    public func id(of piece: String) -> UInt32? { ids[piece] }

    /// A token of a word: its id and the scalars of the word it covers.
    struct Piece {
        var id: UInt32
        var range: Range<Int>
    }

    /// The pieces of `word` (scalar values), as HF's `Unigram::encode` cuts it: the best path,
    /// ties to the longer last piece; runs of unknown characters fused into one unknown token,
    /// which byte fallback turns into one piece per UTF-8 byte (each covering the whole run).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` when a character is not covered and the
    ///   model has no unknown token.
    func split(_ word: [UInt32]) throws -> [Piece] {
        let n = word.count
        guard n > 0 else { return [] }
        var best = [Double](repeating: 0, count: n + 1)
        var start = [Int](repeating: -1, count: n + 1)
        var piece = [Int32](repeating: -1, count: n + 1)
        start[0] = 0
        word.withUnsafeBufferPointer { symbols in
            for position in 0..<n where start[position] >= 0 || position == 0 {
                var single = false
                let base = best[position]
                trie.forEachPiece(in: symbols, from: position) { length, id in
                    let end = position + length
                    let candidate = base + scores[Int(id)]
                    if start[end] < 0 || candidate > best[end] {
                        best[end] = candidate
                        start[end] = position
                        piece[end] = id
                    }
                    if length == 1 { single = true }
                }
                if !single {
                    let candidate = base + unknownScore
                    if start[position + 1] < 0 || candidate > best[position + 1] {
                        best[position + 1] = candidate
                        start[position + 1] = position
                        piece[position + 1] = -1
                    }
                }
            }
        }
        // Back from the end; unknown runs fuse.
        var reversed: [(id: Int32, range: Range<Int>)] = []
        var end = n
        while end > 0 {
            let begin = start[end]
            if piece[end] < 0, let last = reversed.last, last.id < 0 {
                reversed[reversed.count - 1].range = begin..<last.range.upperBound
            } else {
                reversed.append((piece[end], begin..<end))
            }
            end = begin
        }
        var result: [Piece] = []
        for (id, range) in reversed.reversed() {
            if id >= 0 {
                result.append(Piece(id: UInt32(id), range: range))
            } else if let byteIDs {
                var text = String.UnicodeScalarView()
                for value in word[range] { text.append(Unicode.Scalar(value)!) }
                for byte in String(text).utf8 { result.append(Piece(id: byteIDs[Int(byte)], range: range)) }
            } else if let unknownID {
                result.append(Piece(id: unknownID, range: range))
            } else {
                throw PretextError(
                    .invalidConfiguration, "a character is not in the Unigram vocabulary and it has no unk_id")
            }
        }
        return result
    }
}
