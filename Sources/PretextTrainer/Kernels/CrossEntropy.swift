import Foundation

/// Softmax cross-entropy of vocabulary logits against target ids, as PyTorch's
/// `nn.CrossEntropyLoss()` (`reduction="mean"`, `ignore_index=-100`): the mean over the rows
/// whose target is not ``ignoreIndex`` of `logsumexp(logits) − logits[target]`.
///
/// One pass per row gives the loss, the gradient and whether the row's arg-max is the target.
public enum CrossEntropy {
    /// The target that marks a row to leave out (Hugging Face's label for unmasked tokens).
    public static let ignoreIndex: Int32 = -100

    /// The loss of one batch and its gradient.
    public struct Result: Sendable {
        /// The mean loss over the counted rows; 0 when no row counts (PyTorch gives NaN).
        public var loss: Float
        /// The number of rows whose target is not ``CrossEntropy/ignoreIndex``.
        public var count: Int
        /// The number of counted rows whose largest logit is the target's (the first largest
        /// on ties).
        public var correct: Int
        /// `∂loss/∂logits`: `(softmax(logits) − onehot(target)) / count` on counted rows, 0 on
        /// ignored ones.
        public var gradient: Matrix
    }

    /// The loss of `logits` (`[rows, vocabulary]`) against `targets` (one id per row, in
    /// `0..<vocabulary`, or ``ignoreIndex``).
    public static func evaluate(logits: Matrix, targets: [Int32]) -> Result {
        precondition(targets.count == logits.rows, "one target per row")
        precondition(
            targets.allSatisfy { $0 == ignoreIndex || (0..<Int32(logits.columns)).contains($0) },
            "targets are vocabulary ids or the ignore index")
        let count = targets.count { $0 != ignoreIndex }
        let columns = logits.columns
        let chunkRows = Parallel.chunkRows(rowWork: columns * ElementWise.elementWork)
        let chunks = Parallel.chunkCount(logits.rows, chunkRows: chunkRows)
        var losses = [Double](repeating: 0, count: chunks)
        var hits = [Int](repeating: 0, count: chunks)
        var gradient = logits
        let scale = count == 0 ? 0 : 1 / Float(count)
        gradient.values.withUnsafeMutableBufferPointer { values in
            losses.withUnsafeMutableBufferPointer { losses in
                hits.withUnsafeMutableBufferPointer { hits in
                    // Each chunk rewrites only its own rows of `values` and its own slot of
                    // `losses` and `hits`; the offsets stay inside the buffers.
                    let (values, losses, hits) = (values.baseAddress!, losses, hits)
                    Parallel.forEachChunk(logits.rows, chunkRows: chunkRows, rowWork: columns * 16) { chunk, rows in
                        for row in rows {
                            let (loss, hit) = rowLoss(
                                values + row * columns, count: columns, target: targets[row], scale: scale)
                            losses[chunk] += loss
                            hits[chunk] += hit ? 1 : 0
                        }
                    }
                }
            }
        }
        let total = losses.reduce(0, +)
        return Result(
            loss: count == 0 ? 0 : Float(total / Double(count)), count: count, correct: hits.reduce(0, +),
            gradient: gradient)
    }

    /// Replaces the `count` logits at `row` by their gradient, scaled by `scale` (0 for an
    /// ignored row), and returns the row's loss and whether its arg-max is the target.
    static func rowLoss(_ row: UnsafeMutablePointer<Float>, count: Int, target: Int32, scale: Float) -> (Double, Bool) {
        guard target != ignoreIndex else {
            row.update(repeating: 0, count: count)
            return (0, false)
        }
        let target = Int(target)
        var best = 0
        for index in 1..<count where row[index] > row[best] { best = index }
        let maximum = row[best]
        let targetLogit = row[target]
        let sum = FastExp.exponentiate(row, count: count, minus: maximum)
        let factor = scale / sum
        for index in 0..<count { row[index] *= factor }
        row[target] -= scale
        let loss = Double(maximum) + log(Double(sum)) - Double(targetLogit)
        return (loss, best == target)
    }
}
