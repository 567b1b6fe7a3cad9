import PretextCore
import PretextLoader

/// What the pretraining objectives of a batch predict: the masked tokens (their rows and
/// original ids) and, with a pair task, one label per example.
///
/// Masked tokens come from the `masked_lm` stage's fields — `masked_lm_positions` `[rows, P]`,
/// `masked_lm_ids` `[rows, P]` and `masked_lm_count` `[rows, 1]`, of which the first
/// `count` of each example are used — or, when the batch has `labels` `[rows, L]` (dynamic
/// masking), from the positions whose label is not −100. The pair label is `label` `[rows, 1]`.
public struct PretrainingTargets: Sendable, Equatable {
    /// The rows (`b · sequence + position`) of the predicted tokens, example by example.
    public let maskedRows: [Int]
    /// The original id of the token at each of `maskedRows`.
    public let maskedIDs: [Int32]
    /// One 0/1 label per example, `nil` without a pair task.
    public let pairLabels: [Int32]?

    /// Targets given directly (the ids and labels are not checked).
    public init(maskedRows: [Int], maskedIDs: [Int32], pairLabels: [Int32]?) {
        self.maskedRows = maskedRows
        self.maskedIDs = maskedIDs
        self.pairLabels = pairLabels
    }

    /// The targets of `batch`, whose inputs are `inputs`.
    /// - Throws: `.invalidConfiguration` naming a field the objectives need and the batch lacks;
    ///   `.malformedInput` naming a field whose values do not fit (a position past the sequence,
    ///   an id outside the vocabulary, a pair label other than 0 or 1).
    public init(_ batch: Batch, inputs: EncoderInputs, configuration: EncoderConfiguration) throws {
        let vocabulary = configuration.vocabularySize
        if let labels = batch[DynamicMasking.labelsField] {
            (maskedRows, maskedIDs) = try Self.fromLabels(labels.values, inputs: inputs, vocabulary: vocabulary)
        } else {
            (maskedRows, maskedIDs) = try Self.fromPositions(batch, inputs: inputs, vocabulary: vocabulary)
        }
        guard configuration.pairTask != .none else {
            pairLabels = nil
            return
        }
        let labels = try EncoderInputs.field("label", of: batch).values
        try EncoderInputs.check("label", labels, count: inputs.batch, below: 2)
        pairLabels = labels
    }

    /// The rows whose label is not −100, and their labels.
    private static func fromLabels(
        _ labels: [Int32], inputs: EncoderInputs, vocabulary: Int
    ) throws -> ([Int], [Int32]) {
        guard labels.count == inputs.rows else {
            throw PretextError(.malformedInput, "'labels' has \(labels.count) values; expected \(inputs.rows)")
        }
        let rows = labels.indices.filter { labels[$0] != CrossEntropy.ignoreIndex }
        let ids = rows.map { labels[$0] }
        try EncoderInputs.check("labels", ids, count: ids.count, below: vocabulary)
        return (rows, ids)
    }

    /// The first `masked_lm_count` positions and ids of each example.
    private static func fromPositions(
        _ batch: Batch, inputs: EncoderInputs, vocabulary: Int
    ) throws -> ([Int], [Int32]) {
        let positions = try EncoderInputs.field("masked_lm_positions", of: batch)
        let ids = try EncoderInputs.field("masked_lm_ids", of: batch)
        let counts = try EncoderInputs.field("masked_lm_count", of: batch).values
        let width = positions.shape.count == 2 ? positions.shape[1] : 0
        guard positions.shape == [inputs.batch, width], ids.shape == positions.shape, counts.count == inputs.batch
        else {
            throw PretextError(
                .malformedInput,
                "'masked_lm_positions' \(positions.shape), 'masked_lm_ids' \(ids.shape) and 'masked_lm_count' "
                    + "must have one row per example")
        }
        var rows: [Int] = []
        var targets: [Int32] = []
        for example in 0..<inputs.batch {
            let count = Int(counts[example])
            guard (0...width).contains(count) else {
                throw PretextError(.malformedInput, "'masked_lm_count' holds \(count), outside 0...\(width)")
            }
            let slots = (example * width)..<(example * width + count)
            let used = Array(positions.values[slots])
            try EncoderInputs.check("masked_lm_positions", used, count: count, below: inputs.sequence)
            rows += used.map { example * inputs.sequence + Int($0) }
            targets += ids.values[slots]
        }
        try EncoderInputs.check("masked_lm_ids", targets, count: targets.count, below: vocabulary)
        return (rows, targets)
    }
}
