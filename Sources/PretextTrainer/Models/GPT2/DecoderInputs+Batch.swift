import PretextCore
import PretextLoader

/// Reading decoder inputs from a loader batch of `causal_lm` records.
extension DecoderInputs {
    /// The inputs in `batch`: `input_ids` `[rows, B]`, `positions` `[rows, B]` (needed with
    /// document attention) and `length` `[rows, 1]` (optional: without it no row is padded).
    /// - Throws: `.invalidConfiguration` naming a missing or misshapen field, and
    ///   ``init(ids:rows:positions:lengths:configuration:)``'s errors.
    public init(batch: Batch, configuration: DecoderConfiguration) throws {
        guard let ids = batch["input_ids"] else {
            throw PretextError(.invalidConfiguration, "the batch has no field \"input_ids\"")
        }
        guard ids.shape.count == 2 else {
            throw PretextError(.invalidConfiguration, "input_ids must be [rows, B], not \(ids.shape)")
        }
        let lengths = try batch["length"].map { length in
            guard length.shape == [ids.shape[0], 1] else {
                throw PretextError(.invalidConfiguration, "length must be [rows, 1], not \(length.shape)")
            }
            return length.values.map { Int($0) }
        }
        try self.init(
            ids: ids.values, rows: ids.shape[0], positions: batch["positions"]?.values, lengths: lengths,
            configuration: configuration)
    }
}
