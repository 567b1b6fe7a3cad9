import PretextLoader

/// The training and evaluation passes: forward to the losses, then backward by hand.
extension BertForPreTraining {
    /// A forward pass to the losses, with what its backward pass needs.
    struct Pass {
        let encoder: BertEncoder.Cache
        /// The MLM head's cache and loss, `nil` when the batch masks no token.
        let maskedLM: (cache: BertMaskedLMHead.Cache, result: CrossEntropy.Result)?
        let maskedRows: [Int]
        /// The pooler's and pair head's caches and the pair loss, `nil` without a pair task.
        let pair: (pooler: BertPooler.Cache, head: Linear.Cache, result: CrossEntropy.Result)?
        let rows: Int
    }

    /// Forward and backward on `batch`: adds `gradientScale ×` the gradient of the loss to the
    /// parameters' gradients; returns `loss`, `mlm_loss`, `mlm_correct` and, with a pair task,
    /// `nsp_loss`/`nsp_correct` (or `sop_…`).
    /// - Throws: `.invalidConfiguration` naming a field the batch lacks (`input_ids`, the MLM
    ///   targets, `label`); `.malformedInput` naming a field whose values do not fit.
    public func trainStep(_ batch: Batch, gradientScale: Float) throws -> Metrics {
        let inputs = try EncoderInputs(batch, configuration: configuration)
        let targets = try PretrainingTargets(batch, inputs: inputs, configuration: configuration)
        let pass = forward(inputs, targets: targets)
        backward(pass, scale: gradientScale)
        return metrics(pass)
    }

    /// The metrics of `batch` (as ``trainStep(_:gradientScale:)``), without a backward pass.
    public func evaluate(_ batch: Batch) throws -> Metrics {
        let inputs = try EncoderInputs(batch, configuration: configuration)
        return metrics(
            forward(inputs, targets: try PretrainingTargets(batch, inputs: inputs, configuration: configuration)))
    }

    /// The metrics and (unscaled) losses of arrays of inputs and targets; adds the gradients
    /// scaled by `gradientScale` when it is not `nil`. The core of the two passes above.
    public func run(_ inputs: EncoderInputs, targets: PretrainingTargets, gradientScale: Float?) -> Metrics {
        let pass = forward(inputs, targets: targets)
        if let gradientScale { backward(pass, scale: gradientScale) }
        return metrics(pass)
    }

    /// The forward pass: encoder, MLM head on the masked rows, pooler and pair head.
    func forward(_ inputs: EncoderInputs, targets: PretrainingTargets) -> Pass {
        let (hidden, encoderCache) = encoder.forward(inputs)
        var maskedLMPass: (BertMaskedLMHead.Cache, CrossEntropy.Result)?
        if !targets.maskedRows.isEmpty {
            let (logits, cache) = maskedLM.forward(BertRows.gather(hidden, rows: targets.maskedRows))
            maskedLMPass = (cache, CrossEntropy.evaluate(logits: logits, targets: targets.maskedIDs))
        }
        var pairPass: (BertPooler.Cache, Linear.Cache, CrossEntropy.Result)?
        if let pooler, let pairHead, let labels = targets.pairLabels {
            let (pooled, poolerCache) = pooler.forward(hidden, batch: inputs.batch, sequence: inputs.sequence)
            let (logits, headCache) = pairHead.forward(pooled)
            pairPass = (poolerCache, headCache, CrossEntropy.evaluate(logits: logits, targets: labels))
        }
        return Pass(
            encoder: encoderCache, maskedLM: maskedLMPass, maskedRows: targets.maskedRows, pair: pairPass,
            rows: inputs.rows)
    }

    /// The backward pass: the two heads' gradients into the hidden states, then the encoder.
    func backward(_ pass: Pass, scale: Float) {
        var gradHidden = Matrix(rows: pass.rows, columns: configuration.hiddenSize)
        if let (cache, result) = pass.maskedLM {
            let gradRows = maskedLM.backward(result.gradient.scaled(by: scale), cache: cache)
            BertRows.scatterAdd(gradRows, rows: pass.maskedRows, into: &gradHidden)
        }
        if let (poolerCache, headCache, result) = pass.pair, let pooler, let pairHead {
            let gradPooled = pairHead.backward(result.gradient.scaled(by: scale), cache: headCache)
            pooler.backward(gradPooled, cache: poolerCache, into: &gradHidden)
        }
        encoder.backward(gradHidden, cache: pass.encoder)
    }

    /// The pass's metrics: per-token MLM sums, per-example pair sums, the total loss per batch.
    func metrics(_ pass: Pass) -> Metrics {
        var metrics = Metrics()
        var loss = 0.0
        let maskedCount = Double(pass.maskedRows.count)
        let maskedLoss = Double(pass.maskedLM?.result.loss ?? 0)
        metrics.add("mlm_loss", sum: maskedLoss * maskedCount, count: maskedCount)
        metrics.add("mlm_correct", sum: Double(pass.maskedLM?.result.correct ?? 0), count: maskedCount)
        loss += maskedLoss
        if let result = pass.pair?.result, let prefix = configuration.pairTask.metricPrefix {
            let examples = Double(result.count)
            metrics.add(prefix + "_loss", sum: Double(result.loss) * examples, count: examples)
            metrics.add(prefix + "_correct", sum: Double(result.correct), count: examples)
            loss += Double(result.loss)
        }
        metrics.add("loss", sum: loss, count: 1)
        return metrics
    }
}
