import PretextLoader

/// Forward passes without targets: the logits (for the reference comparison) and the pooled
/// embeddings (for the linear probe).
extension BertForPreTraining {
    /// The logits of a forward pass over every position.
    public struct Logits: Sendable {
        /// The MLM logits of every row, `[batch × sequence, vocabulary]` (padding rows included;
        /// their values mean nothing).
        public var maskedLM: Matrix
        /// The pair-task logits, `[batch, 2]`; `nil` without a pair task.
        public var pair: Matrix?
    }

    /// The MLM logits at every position and the pair logits of `inputs` (transformers'
    /// `prediction_logits` and `seq_relationship_logits`).
    public func logits(_ inputs: EncoderInputs) -> Logits {
        let (hidden, _) = encoder.forward(inputs)
        var pair: Matrix?
        if let pooler, let pairHead {
            pair =
                pairHead.forward(pooler.forward(hidden, batch: inputs.batch, sequence: inputs.sequence).output).output
        }
        return Logits(maskedLM: maskedLM.forward(hidden).output, pair: pair)
    }

    /// The logits of a loader batch (see ``logits(_:)-(EncoderInputs)``).
    /// - Throws: the errors of ``EncoderInputs/init(_:configuration:)``.
    public func logits(_ batch: Batch) throws -> Logits {
        logits(try EncoderInputs(batch, configuration: configuration))
    }

    /// One embedding per example, `[batch, H]`: the mean of the last hidden states over the
    /// example's real tokens (padding left out; 0 for an example with no real token). The mean
    /// rather than the pooler's `[CLS]` vector, because the pooler is trained only by the pair
    /// task (and absent without one), while every token's state is trained by MLM.
    public func embed(_ batch: Batch) throws -> Matrix {
        embed(try EncoderInputs(batch, configuration: configuration))
    }

    /// The mean-pooled embeddings of `inputs` (see ``embed(_:)-(Batch)``).
    public func embed(_ inputs: EncoderInputs) -> Matrix {
        let (hidden, _) = encoder.forward(inputs)
        let isReal = inputs.isReal
        let width = hidden.columns
        var pooled = Matrix(rows: inputs.batch, columns: width)
        for example in 0..<inputs.batch {
            let rows = (example * inputs.sequence)..<((example + 1) * inputs.sequence)
            let real = rows.filter { isReal[$0] }
            guard !real.isEmpty else { continue }
            var sums = [Double](repeating: 0, count: width)
            for row in real {
                for column in 0..<width { sums[column] += Double(hidden[row, column]) }
            }
            for column in 0..<width { pooled[example, column] = Float(sums[column] / Double(real.count)) }
        }
        return pooled
    }
}
