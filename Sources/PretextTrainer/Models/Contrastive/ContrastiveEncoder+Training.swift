import PretextLoader

/// The training and evaluation passes: the stacked texts through the encoder, pooled, the
/// InfoNCE loss; then backward by hand through the loss, the normalization, the pooling and
/// the encoder.
extension ContrastiveEncoder {
    /// A forward pass to the loss, with what its backward pass needs.
    struct Pass {
        let inputs: ContrastiveInputs
        let encoder: BertEncoder.Cache
        let loss: InfoNCE.Result
    }

    /// Forward and backward on a batch of `contrastive` records: adds `gradientScale ×` the
    /// gradient of the loss to the parameters' gradients; returns `loss`, `contrastive_loss`
    /// and `retrieval_correct` (per anchor).
    /// - Throws: the errors of ``ContrastiveInputs/init(_:configuration:)``.
    public func trainStep(_ batch: Batch, gradientScale: Float) throws -> Metrics {
        run(try ContrastiveInputs(batch, configuration: configuration.encoder), gradientScale: gradientScale)
    }

    /// The metrics of a batch (as ``trainStep(_:gradientScale:)``), without a backward pass.
    public func evaluate(_ batch: Batch) throws -> Metrics {
        run(try ContrastiveInputs(batch, configuration: configuration.encoder), gradientScale: nil)
    }

    /// The metrics of `inputs`; adds the gradients scaled by `gradientScale` when it is not
    /// `nil`. The core of the two passes above.
    public func run(_ inputs: ContrastiveInputs, gradientScale: Float?) -> Metrics {
        let pass = forward(inputs)
        if let gradientScale { backward(pass, scale: gradientScale) }
        return metrics(pass)
    }

    /// The forward pass: every text encoded and pooled, then anchors scored against the
    /// positives and negatives.
    func forward(_ inputs: ContrastiveInputs) -> Pass {
        let (hidden, cache) = encoder.forward(inputs.encoder)
        let pooled = configuration.pooling.forward(
            hidden, isReal: inputs.encoder.isReal, batch: inputs.encoder.batch, sequence: inputs.encoder.sequence)
        let width = pooled.columns
        let split = inputs.pairs * width
        let anchors = Matrix(rows: inputs.pairs, columns: width, values: Array(pooled.values[..<split]))
        let candidates = Matrix(rows: inputs.candidates, columns: width, values: Array(pooled.values[split...]))
        let loss = InfoNCE.evaluate(
            anchors: anchors, candidates: candidates, temperature: Float(configuration.temperature))
        return Pass(inputs: inputs, encoder: cache, loss: loss)
    }

    /// The backward pass: the embeddings' gradients (anchors' rows, then the candidates')
    /// through the pooling into the hidden states, then the encoder.
    func backward(_ pass: Pass, scale: Float) {
        let gradients = pass.loss.gradAnchors.values + pass.loss.gradCandidates.values
        let gradPooled = Matrix(
            rows: pass.inputs.encoder.batch, columns: pass.loss.gradAnchors.columns, values: gradients)
        let gradHidden = configuration.pooling.backward(
            gradPooled.scaled(by: scale), isReal: pass.inputs.encoder.isReal, sequence: pass.inputs.encoder.sequence)
        encoder.backward(gradHidden, cache: pass.encoder)
    }

    /// The pass's metrics: per-anchor sums, and the loss per batch.
    func metrics(_ pass: Pass) -> Metrics {
        var metrics = Metrics()
        let (loss, anchors) = (Double(pass.loss.loss), Double(pass.loss.count))
        metrics.add("contrastive_loss", sum: loss * anchors, count: anchors)
        metrics.add("retrieval_correct", sum: Double(pass.loss.correct), count: anchors)
        metrics.add("loss", sum: loss, count: 1)
        return metrics
    }
}
