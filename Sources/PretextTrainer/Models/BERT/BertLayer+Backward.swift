extension BertLayer {
    /// The input gradient, given the output's; adds every parameter's gradient.
    ///
    /// The forward steps in reverse: through `output.LayerNorm`, the feed-forward branch (whose
    /// input gradient joins the residual's), `attention.output.LayerNorm`, the attention branch
    /// (q, k and v gradients summed through their projections) and the residual.
    public func backward(_ gradOutput: Matrix, cache: Cache) -> Matrix {
        let gradFeedForwardSum = outputNorm.backward(gradOutput, cache: cache.outputNorm)
        let gradActivation = output.backward(gradFeedForwardSum, cache: cache.output)
        let gradPreActivation = activation.backward(gradActivation, input: cache.preActivation)
        let gradHidden =
            intermediate.backward(gradPreActivation, cache: cache.intermediate).adding(gradFeedForwardSum)
        let gradAttentionSum = attentionNorm.backward(gradHidden, cache: cache.attentionNorm)
        let gradContext = attentionOutput.backward(gradAttentionSum, cache: cache.attentionOutput)
        let gradients = attention.backward(gradContext, cache: cache.attention)
        let gradQuery = query.backward(gradients.query, cache: cache.query)
        let gradKey = key.backward(gradients.key, cache: cache.key)
        let gradValue = value.backward(gradients.value, cache: cache.value)
        return gradQuery.adding(gradKey).adding(gradValue.adding(gradAttentionSum))
    }
}
