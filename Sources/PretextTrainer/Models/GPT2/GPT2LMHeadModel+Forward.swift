import PretextLoader

/// The forward pass: hidden states and logits for every position of a batch.
extension GPT2LMHeadModel {
    /// What the backward pass needs from the forward pass, and what it computed.
    struct Forward {
        /// The inputs.
        let inputs: DecoderInputs
        /// Each block's cache, in order.
        let blocks: [GPT2Block.Cache]
        /// `ln_f`'s cache.
        let finalNorm: LayerNorm.Cache
        /// `ln_f`'s output, `[rows × B, E]`.
        let hidden: Matrix
        /// The logits, `[rows × B, V]`, or `nil` when not computed.
        let logits: Matrix?
        /// The projection's cache, with ``logits``.
        let projection: Embedding.ProjectionCache?
    }

    /// The logits of every position of `batch`, `[rows × B, vocabulary]`, row-major by row and
    /// position (padding positions' logits are computed but mean nothing).
    /// - Throws: ``DecoderInputs/init(batch:configuration:)``'s errors.
    public func logits(_ batch: Batch) throws -> Matrix {
        logits(try DecoderInputs(batch: batch, configuration: configuration))
    }

    /// The logits of every position of `inputs`, `[rows × B, vocabulary]`.
    public func logits(_ inputs: DecoderInputs) -> Matrix {
        forward(inputs, logits: true).logits!
    }

    /// Runs the model on `inputs` up to `ln_f`, and through the tied projection when `logits`.
    func forward(_ inputs: DecoderInputs, logits: Bool) -> Forward {
        let mask = inputs.mask
        var h = tokenEmbedding.forward(inputs.ids).adding(positionEmbedding.forward(inputs.positionIDs))
        var caches = [GPT2Block.Cache]()
        caches.reserveCapacity(blocks.count)
        for block in blocks {
            let (output, cache) = block.forward(h, batch: inputs.rows, sequence: inputs.sequence, mask: mask)
            h = output
            caches.append(cache)
        }
        let (hidden, finalCache) = finalNorm.forward(h)
        let projected = logits ? tokenEmbedding.project(hidden) : nil
        return Forward(
            inputs: inputs, blocks: caches, finalNorm: finalCache, hidden: hidden, logits: projected?.output,
            projection: projected?.cache)
    }
}
