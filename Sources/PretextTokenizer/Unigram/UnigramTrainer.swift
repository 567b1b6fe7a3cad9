import Foundation
import PretextCore

/// Trains a Unigram vocabulary as SentencePiece's `unigram_model_trainer` does: seed pieces
/// from substring frequencies, then rounds of EM (expected piece counts over every word's
/// lattice, re-estimated with the Bayesian digamma update, pieces expected fewer than 0.5 times
/// dropped) and pruning (each round keeps the `shrinkingFactor` of the pieces whose removal
/// would cost the likelihood most) until at most 1.1 × `vocabSize` pieces remain; the best of
/// them and every covered character make the vocabulary.
///
/// Deterministic: expected counts add up in fixed point, so neither the order of the words nor
/// the number of threads changes a result.
public struct UnigramTrainer: Sendable {
    /// The vocabulary size to reach, special tokens and byte pieces included.
    public var vocabSize: Int
    /// The special tokens, the first ids.
    public var specialTokens: [String]
    /// The special token that stands for unknown characters (one of `specialTokens`).
    public var unknownToken: String
    /// The share of character occurrences the vocabulary's characters must cover; rarer
    /// characters become the unknown token (or bytes, with `byteFallback`).
    public var characterCoverage: Double
    /// Adds the 256 byte pieces `<0x00>`…`<0xFF>` after the special tokens, for characters
    /// outside the vocabulary.
    public var byteFallback: Bool
    /// The most characters in a piece.
    public var maxPieceLength: Int
    /// The share of pieces each pruning round keeps.
    public var shrinkingFactor: Double
    /// The most substrings in the seed vocabulary.
    public var seedSize: Int
    /// EM iterations per pruning round.
    public var subIterations: Int
    /// Threads for the EM and pruning passes.
    public var threads: Int

    /// SentencePiece's defaults: 8,000 pieces, `<unk> <s> </s>`, coverage 0.9995, pieces of up to
    /// 16 characters, shrinking factor 0.75, a million seeds, two EM iterations per round.
    public init(
        vocabSize: Int = 8000, specialTokens: [String] = ["<unk>", "<s>", "</s>"], unknownToken: String = "<unk>",
        characterCoverage: Double = 0.9995, byteFallback: Bool = false, maxPieceLength: Int = 16,
        shrinkingFactor: Double = 0.75, seedSize: Int = 1_000_000, subIterations: Int = 2, threads: Int = 2
    ) {
        self.vocabSize = vocabSize
        self.specialTokens = specialTokens
        self.unknownToken = unknownToken
        self.characterCoverage = characterCoverage
        self.byteFallback = byteFallback
        self.maxPieceLength = maxPieceLength
        self.shrinkingFactor = shrinkingFactor
        self.seedSize = seedSize
        self.subIterations = subIterations
        self.threads = threads
    }

    /// The trained vocabulary: the special tokens, the byte pieces if any (score 0), then the
    /// pieces by decreasing log probability.
    public struct Result: Sendable {
        /// Pieces and their scores, by id.
        public var pieces: [(piece: String, score: Double)]
        /// The id of the unknown token.
        public var unknownID: UInt32
    }

    /// Expected counts in fixed point: units per occurrence.
    static let fixedPoint = Double(1 << 24)

    /// Trains on `words` (Metaspace words: `▁` for each space, one before every word).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for settings that cannot make a
    ///   vocabulary: no unknown token among the special tokens, a vocabulary smaller than the
    ///   special tokens, byte pieces and covered characters.
    public func train(_ words: WordCounts, progress: (String) -> Void = { _ in }) throws -> Result {
        guard let unknownID = specialTokens.firstIndex(of: unknownToken) else {
            throw PretextError(
                .invalidConfiguration,
                "a Unigram tokenizer needs its unknown token '\(unknownToken)' among its special tokens")
        }
        let metaCount = specialTokens.count + (byteFallback ? 256 : 0)
        let corpus = UnigramCorpus(words, coverage: characterCoverage)
        let required = corpus.characters.count - 2
        guard required + metaCount <= vocabSize else {
            throw PretextError(
                .invalidConfiguration,
                "vocab_size \(vocabSize) is too small: the \(metaCount) special and byte tokens and the \(required) "
                    + "characters that cover the corpus need \(required + metaCount)")
        }
        let validity = PieceValidity(characters: corpus.characters, maxLength: maxPieceLength)
        progress("seed pieces from \(corpus.wordCount) distinct words")
        let seeds = SeedPieces.make(corpus, validity: validity, maxLength: maxPieceLength, seedSize: seedSize)
        var model = UnigramTrainingModel(pieces: seeds.map(\.symbols), scores: seeds.map(\.score))
        let desired = Int(Double(vocabSize) * 1.1)
        var round = 0
        while true {
            for _ in 0..<max(1, subIterations) {
                let expected = expectedCounts(model, corpus)
                model = maximized(model, expected)
            }
            round += 1
            progress("EM round \(round): \(model.count) pieces")
            if model.count <= desired { break }
            model = pruned(model, corpus, desired: desired)
        }
        let pieces = finalized(model, corpus, size: vocabSize - metaCount)
        var result = specialTokens.map { (piece: $0, score: 0.0) }
        if byteFallback { result += (0..<256).map { (piece: ByteFallback.token($0), score: 0.0) } }
        result += pieces.map { (piece: corpus.string($0.symbols), score: $0.score) }
        return Result(pieces: result, unknownID: UInt32(unknownID))
    }

    /// The E step: each piece's expected count over all words, in fixed point.
    private func expectedCounts(_ model: UnigramTrainingModel, _ corpus: UnigramCorpus) -> [UInt64] {
        let chunks = chunks(corpus)
        let partial = concurrentMap(chunks.count) { chunk -> [UInt64] in
            var expected = [UInt64](repeating: 0, count: model.count)
            var lattice = UnigramLattice()
            corpus.symbols.withUnsafeBufferPointer { symbols in
                for word in chunks[chunk] {
                    let range = corpus.word(word)
                    _ = lattice.expect(
                        UnsafeBufferPointer(rebasing: symbols[range]), count: corpus.counts[word], model: model,
                        expected: &expected, scale: Self.fixedPoint)
                }
            }
            return expected
        }
        var expected = partial[0]
        for other in partial.dropFirst() {
            for index in expected.indices { expected[index] &+= other[index] }
        }
        return expected
    }

    /// The M step: pieces expected fewer than 0.5 times go; the others get digamma(count) −
    /// digamma(total), SentencePiece's Bayesian estimate.
    private func maximized(_ model: UnigramTrainingModel, _ expected: [UInt64]) -> UnigramTrainingModel {
        var pieces: [[UInt32]] = []
        var counts: [Double] = []
        for (index, units) in expected.enumerated() {
            let count = Double(units) / Self.fixedPoint
            guard count >= 0.5 else { continue }
            pieces.append(model.pieces[index])
            counts.append(count)
        }
        let logTotal = Self.digamma(counts.reduce(0, +))
        return UnigramTrainingModel(pieces: pieces, scores: counts.map { Self.digamma($0) - logTotal })
    }

    /// Pruning: drops the pieces never used or never their own best segmentation, then keeps
    /// the pieces whose removal would lose the most likelihood (their count moving to their
    /// second-best segmentation), down to max(`desired`, `shrinkingFactor` × the pieces).
    private func pruned(_ model: UnigramTrainingModel, _ corpus: UnigramCorpus, desired: Int) -> UnigramTrainingModel {
        let (keep, alternatives) = secondBest(model)
        // Viterbi counts over the corpus.
        let chunks = chunks(corpus)
        let partial = concurrentMap(chunks.count) { chunk -> [UInt64] in
            var counts = [UInt64](repeating: 0, count: model.count)
            var lattice = UnigramLattice()
            corpus.symbols.withUnsafeBufferPointer { symbols in
                for word in chunks[chunk] {
                    let range = corpus.word(word)
                    for piece in lattice.viterbi(UnsafeBufferPointer(rebasing: symbols[range]), model: model).pieces
                    where piece >= 0 {
                        counts[Int(piece)] &+= corpus.counts[word]
                    }
                }
            }
            return counts
        }
        var frequency = [Double](repeating: 0, count: model.count)
        for counts in partial {
            for (index, count) in counts.enumerated() { frequency[index] += Double(count) }
        }
        let wordTotal = Double(corpus.counts.reduce(0, &+))
        let total = frequency.reduce(0, +)
        let logTotal = log(total)
        var kept: [Int] = []
        var candidates: [(index: Int, loss: Double)] = []
        for index in 0..<model.count {
            if frequency[index] == 0 || !keep[index] { continue }
            guard let alternative = alternatives[index] else {
                kept.append(index)
                continue
            }
            let share = frequency[index] / wordTotal
            let logProbability = log(frequency[index]) - logTotal
            let logAlternativeTotal = log(total + frequency[index] * Double(alternative.count - 1))
            var logAlternative = 0.0
            for piece in alternative {
                let other = piece >= 0 ? frequency[Int(piece)] : 0
                logAlternative += log(other + frequency[index]) - logAlternativeTotal
            }
            candidates.append((index, share * (logProbability - logAlternative)))
        }
        let size = max(desired, Int(shrinkingFactor * Double(model.count)))
        candidates.sort { $0.loss != $1.loss ? $0.loss > $1.loss : $0.index < $1.index }
        for candidate in candidates where kept.count < size { kept.append(candidate.index) }
        kept.sort()
        return UnigramTrainingModel(pieces: kept.map { model.pieces[$0] }, scores: kept.map { model.scores[$0] })
    }

    /// For each piece: whether it is its own best segmentation, and if so its second-best one
    /// (nil for a piece with no other segmentation).
    private func secondBest(_ model: UnigramTrainingModel) -> (keep: [Bool], alternatives: [[Int32]?]) {
        let parts = concurrentMap(max(1, threads)) { part -> [(Bool, [Int32]?)] in
            var lattice = UnigramLattice()
            var results: [(Bool, [Int32]?)] = []
            for index in stride(from: part, to: model.count, by: max(1, threads)) {
                let piece = model.pieces[index]
                guard piece.count > 1 else {
                    results.append((true, nil))
                    continue
                }
                let (path, score) = piece.withUnsafeBufferPointer {
                    lattice.viterbi($0, model: model, skipping: Int32(index))
                }
                results.append(score > model.scores[index] ? (false, nil) : (true, path))
            }
            return results
        }
        var keep = [Bool](repeating: true, count: model.count)
        var alternatives = [[Int32]?](repeating: nil, count: model.count)
        for (part, results) in parts.enumerated() {
            for (offset, result) in results.enumerated() {
                let index = part + offset * max(1, threads)
                keep[index] = result.0
                alternatives[index] = result.1
            }
        }
        return (keep, alternatives)
    }

    /// The final pieces: every covered character (with its model score, or just below the
    /// lowest one), then the best-scoring other pieces up to `size`, all by decreasing score
    /// (ties in code point order).
    private func finalized(
        _ model: UnigramTrainingModel, _ corpus: UnigramCorpus, size: Int
    ) -> [(
        symbols: [UInt32], score: Double
    )] {
        var index: [[UInt32]: Int] = [:]
        for (position, piece) in model.pieces.enumerated() { index[piece] = position }
        var chosen: [(symbols: [UInt32], score: Double)] = []
        var taken = Set<[UInt32]>()
        var penalty = 0.0
        let characters = (2..<corpus.characters.count).sorted {
            let (a, b) = (corpus.characterCounts[$0], corpus.characterCounts[$1])
            return a != b ? a > b : $0 < $1
        }
        for id in characters {
            let piece = [UInt32(id)]
            if let position = index[piece] {
                chosen.append((piece, model.scores[position]))
            } else {
                chosen.append((piece, model.minScore + penalty))
                penalty += 0.0001
            }
            taken.insert(piece)
        }
        for position in Self.byScore(model.pieces.indices.map { (model.pieces[$0], model.scores[$0]) }) {
            guard chosen.count < size else { break }
            let piece = model.pieces[position]
            if taken.contains(piece) { continue }
            chosen.append((piece, model.scores[position]))
            taken.insert(piece)
        }
        return Self.byScore(chosen).map { chosen[$0] }
    }

    /// The indexes of `pieces` by decreasing score, ties in code point order.
    private static func byScore(_ pieces: [(symbols: [UInt32], score: Double)]) -> [Int] {
        pieces.indices.sorted {
            let (a, b) = (pieces[$0], pieces[$1])
            return a.score != b.score ? a.score > b.score : a.symbols.lexicographicallyPrecedes(b.symbols)
        }
    }

    /// The words in `threads` contiguous runs of about equal length.
    private func chunks(_ corpus: UnigramCorpus) -> [Range<Int>] {
        let parts = max(1, threads)
        let total = corpus.symbols.count
        var result: [Range<Int>] = []
        var start = 0
        for part in 1...parts {
            let target = total * part / parts
            var end = start
            while end < corpus.wordCount && corpus.starts[end] < target { end += 1 }
            if part == parts { end = corpus.wordCount }
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// ψ(x), as SentencePiece computes it: the recurrence up to 7, then the asymptotic series.
    static func digamma(_ value: Double) -> Double {
        var x = value
        var result = 0.0
        while x < 7 {
            result -= 1 / x
            x += 1
        }
        x -= 0.5
        let xx = 1 / x
        let xx2 = xx * xx
        let xx4 = xx2 * xx2
        result +=
            log(x) + (1.0 / 24.0) * xx2 - (7.0 / 960.0) * xx4 + (31.0 / 8064.0) * xx4 * xx2
            - (127.0 / 30720.0) * xx4 * xx4
        return result
    }
}

/// SentencePiece's byte pieces: `<0x41>` for byte 0x41.
enum ByteFallback {
    /// The piece of `byte`.
    static func token(_ byte: Int) -> String {
        let hex = String(byte, radix: 16, uppercase: true)
        return "<0x" + (hex.count == 1 ? "0" : "") + hex + ">"
    }

    /// The byte whose piece `token` is (`<0x41>`: 0x41), or nil.
    static func byte(of token: String) -> Int? {
        guard token.utf8.count == 6, token.hasPrefix("<0x"), token.hasSuffix(">"),
            let byte = Int(token.dropFirst(3).prefix(2), radix: 16), self.token(byte) == token
        else { return nil }
        return byte
    }
}
