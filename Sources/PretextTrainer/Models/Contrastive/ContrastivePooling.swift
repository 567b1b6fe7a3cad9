import PretextCore

/// How a text's token states become one embedding (sentence-transformers' `Pooling` modes).
///
/// - `mean`: the mean of the last hidden states over the text's real tokens (`[CLS]` and
///   `[SEP]` included, padding left out) — `pooling_mode_mean_tokens`; the default, as
///   Sentence-BERT and most sentence-transformers models pool.
/// - `first`: the last hidden state of the first token (`[CLS]`) — `pooling_mode_cls_token`,
///   SimCSE's `cls_before_pooler`.
///
/// Neither uses BERT's tanh pooler.
public enum ContrastivePooling: String, OptionChoice, Sendable {
    /// The mean over the real tokens.
    case mean
    /// The first token's state.
    case first

    /// One embedding per example, `[batch, H]`, from the last hidden states
    /// `[batch × sequence, H]`; `isReal` says which rows are real tokens (every example has at
    /// least one, its first).
    public func forward(_ hidden: Matrix, isReal: [Bool], batch: Int, sequence: Int) -> Matrix {
        let width = hidden.columns
        var pooled = Matrix(rows: batch, columns: width)
        for example in 0..<batch {
            let (rows, weight) = weights(example, isReal: isReal, sequence: sequence)
            for row in rows {
                for column in 0..<width { pooled.values[example * width + column] += weight * hidden[row, column] }
            }
        }
        return pooled
    }

    /// The hidden states' gradient `[batch × sequence, H]`, given the embeddings' gradient:
    /// each pooled row's gradient spread back with the weights of ``forward(_:isReal:batch:sequence:)``.
    public func backward(_ gradPooled: Matrix, isReal: [Bool], sequence: Int) -> Matrix {
        let width = gradPooled.columns
        var gradHidden = Matrix(rows: gradPooled.rows * sequence, columns: width)
        for example in 0..<gradPooled.rows {
            let (rows, weight) = weights(example, isReal: isReal, sequence: sequence)
            for row in rows {
                for column in 0..<width {
                    gradHidden.values[row * width + column] = weight * gradPooled.values[example * width + column]
                }
            }
        }
        return gradHidden
    }

    /// The rows an example's embedding averages and the weight of each.
    func weights(_ example: Int, isReal: [Bool], sequence: Int) -> (rows: [Int], weight: Float) {
        let start = example * sequence
        switch self {
        case .first: return ([start], 1)
        case .mean:
            let rows = (start..<(start + sequence)).filter { isReal[$0] }
            return (rows, rows.isEmpty ? 0 : 1 / Float(rows.count))
        }
    }
}
