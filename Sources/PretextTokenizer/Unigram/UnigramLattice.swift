import Foundation

/// The lattice of one word under a Unigram model in training: every piece that starts at each
/// position (an unknown one-character node where no piece covers a character), with the
/// forward-backward pass of the E step and the best path of pruning.
///
/// The forward-backward pass runs on probabilities, not their logarithms: a piece's probability
/// is computed once per round instead of `exp` and `log` on every edge. Long words would
/// underflow, so when a position's forward (or backward) value drops below 10⁻¹⁰⁰ the values
/// still in reach (the next `longest` positions) are scaled up and the scale is remembered per
/// position; ordinary words never scale.
struct UnigramLattice {
    private var edgeStart: [Int] = []
    private var edgeEnd: [Int32] = []
    private var edgePiece: [Int32] = []
    private var alpha: [Double] = []
    private var beta: [Double] = []
    private var alphaScale: [Double] = []
    private var betaScale: [Double] = []
    private var best: [Double] = []
    private var bestEdge: [Int] = []
    private var bestStart: [Int] = []

    /// The unknown piece's id in edges.
    static let unknown: Int32 = -1

    /// Collects the edges of `word`.
    private mutating func build(_ word: UnsafeBufferPointer<UInt32>, trie: PieceTrie) {
        let n = word.count
        edgeStart.removeAll(keepingCapacity: true)
        edgeEnd.removeAll(keepingCapacity: true)
        edgePiece.removeAll(keepingCapacity: true)
        for position in 0..<n {
            edgeStart.append(edgeEnd.count)
            var single = false
            trie.forEachPiece(in: word, from: position) { length, id in
                edgeEnd.append(Int32(position + length))
                edgePiece.append(id)
                if length == 1 { single = true }
            }
            if !single {
                edgeEnd.append(Int32(position + 1))
                edgePiece.append(Self.unknown)
            }
        }
        edgeStart.append(edgeEnd.count)
    }

    /// Adds `count` × each piece's expected occurrences in `word` to `expected` (fixed point:
    /// `scale` per occurrence, so that sums do not depend on the order of words or threads) and
    /// returns the word's log likelihood.
    mutating func expect(
        _ word: UnsafeBufferPointer<UInt32>, count: UInt64, model: UnigramTrainingModel, expected: inout [UInt64],
        scale: Double
    ) -> Double {
        build(word, trie: model.trie)
        let n = word.count
        let reach = model.trie.longest + 1
        alpha.removeAll(keepingCapacity: true)
        alpha.append(1)
        alpha.append(contentsOf: repeatElement(0, count: n))
        alphaScale.removeAll(keepingCapacity: true)
        alphaScale.append(contentsOf: repeatElement(0, count: n + 1))
        var logScale = 0.0
        for position in 0..<n {
            let value = alpha[position]
            if value < 1e-100 && value > 0 {
                let factor = 1 / value
                for k in position...min(n, position + reach) { alpha[k] *= factor }
                logScale -= log(value)
            }
            alphaScale[position] = logScale
            let from = alpha[position]
            for edge in edgeStart[position]..<edgeStart[position + 1] {
                alpha[Int(edgeEnd[edge])] += from * model.probability(edgePiece[edge])
            }
        }
        alphaScale[n] = logScale
        beta.removeAll(keepingCapacity: true)
        beta.append(contentsOf: repeatElement(0, count: n))
        beta.append(1)
        betaScale.removeAll(keepingCapacity: true)
        betaScale.append(contentsOf: repeatElement(0, count: n + 1))
        for position in stride(from: n - 1, through: 0, by: -1) {
            var sum = 0.0
            for edge in edgeStart[position]..<edgeStart[position + 1] {
                sum += model.probability(edgePiece[edge]) * beta[Int(edgeEnd[edge])]
            }
            beta[position] = sum
            betaScale[position] = betaScale[position + 1]
            if sum < 1e-100 && sum > 0 {
                let factor = 1 / sum
                let logFactor = -log(sum)
                for k in position...min(n, position + reach) {
                    beta[k] *= factor
                    betaScale[k] += logFactor
                }
            }
        }
        let total = alpha[n]
        guard total > 0 else { return -.infinity }
        let logTotal = log(total) - alphaScale[n]
        for position in 0..<n {
            let from = alpha[position]
            let shift = alphaScale[n] - alphaScale[position]
            for edge in edgeStart[position]..<edgeStart[position + 1] {
                let piece = edgePiece[edge]
                guard piece >= 0 else { continue }
                let end = Int(edgeEnd[edge])
                var marginal = from * model.probability(piece) * beta[end] / total
                let exponent = shift - betaScale[end]
                if exponent != 0 { marginal *= exp(exponent) }
                expected[Int(piece)] &+= UInt64((Double(count) * marginal * scale).rounded())
            }
        }
        return logTotal
    }

    /// The pieces of `word`'s best segmentation (ids; `unknown` for uncovered characters), left
    /// to right; the score of an edge is the piece's log probability. Ties keep the first path
    /// found. `skip` leaves one piece out (pruning's second-best segmentation of a piece).
    mutating func viterbi(
        _ word: UnsafeBufferPointer<UInt32>, model: UnigramTrainingModel, skipping skip: Int32 = -2
    ) -> (pieces: [Int32], score: Double) {
        build(word, trie: model.trie)
        let n = word.count
        best.removeAll(keepingCapacity: true)
        best.append(0)
        best.append(contentsOf: repeatElement(-.infinity, count: n))
        bestEdge.removeAll(keepingCapacity: true)
        bestEdge.append(contentsOf: repeatElement(-1, count: n + 1))
        bestStart.removeAll(keepingCapacity: true)
        bestStart.append(contentsOf: repeatElement(0, count: n + 1))
        for position in 0..<n where best[position] > -.infinity {
            for edge in edgeStart[position]..<edgeStart[position + 1] where edgePiece[edge] != skip {
                let end = Int(edgeEnd[edge])
                let candidate = best[position] + model.score(edgePiece[edge])
                if candidate > best[end] {
                    best[end] = candidate
                    bestEdge[end] = edge
                    bestStart[end] = position
                }
            }
        }
        guard bestEdge[n] >= 0 || n == 0 else { return ([], -.infinity) }
        var pieces: [Int32] = []
        var position = n
        while position > 0 {
            let edge = bestEdge[position]
            pieces.append(edgePiece[edge])
            position = bestStart[position]
        }
        return (pieces.reversed(), best[n])
    }
}
