import PretextLoader

/// The embeddings: what a sentence-transformers user gets from the saved model.
extension ContrastiveEncoder {
    /// The pooled embedding of each text of `inputs`, `[texts, H]` (not normalized; the
    /// similarity the model was trained with is their cosine).
    public func embed(_ inputs: EncoderInputs) -> Matrix {
        let (hidden, _) = encoder.forward(inputs)
        return configuration.pooling.forward(
            hidden, isReal: inputs.isReal, batch: inputs.batch, sequence: inputs.sequence)
    }

    /// One embedding per row of `batch`: of `input_ids` (with `length` or `attention_mask`)
    /// when the batch has them, otherwise of the `contrastive` records' anchors.
    /// - Throws: the errors of ``EncoderInputs/init(_:configuration:)`` or
    ///   ``ContrastiveInputs/texts(_:of:)``.
    public func embed(_ batch: Batch) throws -> Matrix {
        if batch["input_ids"] != nil { return embed(try EncoderInputs(batch, configuration: configuration.encoder)) }
        let anchors = try ContrastiveInputs.texts("anchor", of: batch)
        let width = anchors.map(\.count).max() ?? 0
        let texts = try ContrastiveInputs.padded(anchors, to: width, configuration: configuration.encoder)
        return embed(texts)
    }
}
