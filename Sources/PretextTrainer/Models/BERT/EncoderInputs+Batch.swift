import PretextCore
import PretextLoader

/// Reading the encoder's inputs from a loader batch.
extension EncoderInputs {
    /// The inputs of a loader batch: `input_ids` `[rows, L]`, `segment_ids` `[rows, L]` when
    /// present and the configuration reads them (else all 0: RoBERTa has one token type), and the padding from `length` `[rows, 1]` or else
    /// `attention_mask` `[rows, L]` (else none).
    /// - Throws: `.invalidConfiguration` when the batch has no `input_ids`; the errors of
    ///   ``init(ids:segments:batch:sequence:padding:configuration:)``.
    public init(_ batch: Batch, configuration: EncoderConfiguration) throws {
        let ids = try Self.field("input_ids", of: batch)
        guard ids.shape.count == 2 else {
            throw PretextError(.malformedInput, "'input_ids' must be [rows, sequence]; it is \(ids.shape)")
        }
        let (rows, sequence) = (ids.shape[0], ids.shape[1])
        var padding = AttentionMask.Padding.none
        if let lengths = batch["length"] {
            padding = .lengths(lengths.values.map { Int($0) })
        } else if let mask = batch[Batch.attentionMaskName] {
            padding = .mask(mask.values)
        }
        try self.init(
            ids: ids.values, segments: configuration.readsSegments ? batch["segment_ids"]?.values : nil, batch: rows,
            sequence: sequence,
            padding: padding, configuration: configuration)
    }

    /// The tensor `name` of `batch`.
    /// - Throws: `.invalidConfiguration` naming the field when the batch has none.
    static func field(_ name: String, of batch: Batch) throws -> Batch.Tensor {
        guard let tensor = batch[name] else {
            throw PretextError(
                .invalidConfiguration,
                "the batch has no field '\(name)', which the BERT model needs; its fields are "
                    + batch.names.joined(separator: ", "))
        }
        return tensor
    }
}
