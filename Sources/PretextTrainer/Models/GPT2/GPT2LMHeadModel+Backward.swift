/// The backward pass, by hand through each layer's backward function.
extension GPT2LMHeadModel {
    /// Adds the gradient of the loss into every parameter's gradient, given the loss's gradient
    /// with respect to the logits of `forward`.
    ///
    /// In reverse: the tied projection (into `wte`'s gradient), `ln_f`, the blocks last to first,
    /// then the embeddings, where the hidden-state gradient scatters into the rows of `wte`
    /// (the second contribution to the tied weight) and of `wpe` that the forward pass read.
    func backward(_ gradLogits: Matrix, forward: Forward) {
        var gradH = tokenEmbedding.projectBackward(gradLogits, cache: forward.projection!)
        gradH = finalNorm.backward(gradH, cache: forward.finalNorm)
        for (block, cache) in zip(blocks, forward.blocks).reversed() {
            gradH = block.backward(gradH, cache: cache)
        }
        tokenEmbedding.backward(gradH, ids: forward.inputs.ids)
        positionEmbedding.backward(gradH, ids: forward.inputs.positionIDs)
    }
}
