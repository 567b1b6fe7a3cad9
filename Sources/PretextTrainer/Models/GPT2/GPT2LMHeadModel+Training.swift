import PretextLoader

/// Training, evaluation and pooled embeddings on `causal_lm` batches.
extension GPT2LMHeadModel {
    /// The next-token loss of `batch` (``DecoderInputs/targets``) and, scaled by
    /// `gradientScale`, its gradient added into the parameters' gradients.
    /// - Returns: `loss` (the mean over predicted tokens, once per batch), `clm_loss` and
    ///   `clm_correct` (per predicted token).
    /// - Throws: ``DecoderInputs/init(batch:configuration:)``'s errors.
    public func trainStep(_ batch: Batch, gradientScale: Float) throws -> Metrics {
        let inputs = try DecoderInputs(batch: batch, configuration: configuration)
        let forward = forward(inputs, logits: true)
        let result = CrossEntropy.evaluate(logits: forward.logits!, targets: inputs.targets)
        backward(result.gradient.scaled(by: gradientScale), forward: forward)
        return Self.metrics(result)
    }

    /// The metrics of ``trainStep(_:gradientScale:)`` without the backward pass.
    public func evaluate(_ batch: Batch) throws -> Metrics {
        let inputs = try DecoderInputs(batch: batch, configuration: configuration)
        return Self.metrics(CrossEntropy.evaluate(logits: logits(inputs), targets: inputs.targets))
    }

    /// The mean of the final (`ln_f`) hidden states over each row's real tokens, `[rows, E]`
    /// (zeros for a row with none). With document attention a packed row's tokens see only their
    /// own document, so the mean pools the documents' states side by side.
    public func embed(_ batch: Batch) throws -> Matrix {
        let inputs = try DecoderInputs(batch: batch, configuration: configuration)
        let hidden = forward(inputs, logits: false).hidden
        var pooled = Matrix(rows: inputs.rows, columns: hidden.columns)
        for row in 0..<inputs.rows where inputs.lengths[row] > 0 {
            let scale = 1 / Float(inputs.lengths[row])
            for position in 0..<inputs.lengths[row] {
                for column in 0..<hidden.columns {
                    pooled[row, column] += hidden[row * inputs.sequence + position, column] * scale
                }
            }
        }
        return pooled
    }

    /// `loss`, `clm_loss` and `clm_correct` of a cross-entropy result.
    static func metrics(_ result: CrossEntropy.Result) -> Metrics {
        var metrics = Metrics()
        metrics.add("loss", sum: Double(result.loss), count: 1)
        let count = Double(result.count)
        metrics.add("clm_loss", sum: Double(result.loss) * count, count: count)
        metrics.add("clm_correct", sum: Double(result.correct), count: count)
        return metrics
    }
}
