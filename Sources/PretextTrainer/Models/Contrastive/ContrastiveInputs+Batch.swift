import PretextCore
import PretextLoader

/// Reading the texts of a `contrastive` examples batch.
extension ContrastiveInputs {
    /// The sides a batch may hold, in stacking order.
    static let sides = ["anchor", "positive", "negative"]

    /// The inputs of a loader batch of `contrastive` records: `anchor_ids`/`anchor_length`,
    /// `positive_ids`/`positive_length`, and `negative_ids`/`negative_length` when present,
    /// each text cut to its length and the batch padded to its longest text (the records'
    /// `max_length` padding mostly dropped: padding changes nothing, and attention costs the
    /// square of the width).
    /// - Throws: `.invalidConfiguration` naming a missing field; `.malformedInput` naming a
    ///   field whose shape or values do not fit; the errors of
    ///   ``init(anchors:positives:negatives:sequence:configuration:)``.
    public init(_ batch: Batch, configuration: EncoderConfiguration) throws {
        let hasNegatives = batch["negative_ids"] != nil || batch["negative_length"] != nil
        var texts: [[[Int32]]] = []
        for side in Self.sides.prefix(hasNegatives ? 3 : 2) { texts.append(try Self.texts(side, of: batch)) }
        try self.init(
            anchors: texts[0], positives: texts[1], negatives: hasNegatives ? texts[2] : nil,
            configuration: configuration)
    }

    /// The texts of one side: each row of `SIDE_ids` cut to its `SIDE_length`.
    static func texts(_ side: String, of batch: Batch) throws -> [[Int32]] {
        let ids = try field(side + "_ids", of: batch)
        let lengths = try field(side + "_length", of: batch)
        guard ids.shape.count == 2, lengths.values.count == ids.shape[0] else {
            throw PretextError(
                .malformedInput,
                "'\(side)_ids' must be [rows, max_length] with one '\(side)_length' per row; they are "
                    + "\(ids.shape) and \(lengths.shape)")
        }
        let width = ids.shape[1]
        return try lengths.values.enumerated().map { row, length in
            guard (1...width).contains(Int(length)) else {
                throw PretextError(.malformedInput, "'\(side)_length' holds \(length), outside 1...\(width)")
            }
            return Array(ids.row(row).prefix(Int(length)))
        }
    }

    /// The tensor `name` of `batch`.
    /// - Throws: `.invalidConfiguration` naming the field when the batch has none.
    static func field(_ name: String, of batch: Batch) throws -> Batch.Tensor {
        guard let tensor = batch[name] else {
            throw PretextError(
                .invalidConfiguration,
                "the batch has no field '\(name)', which the contrastive model needs (records of the contrastive "
                    + "stage); its fields are " + batch.names.joined(separator: ", "))
        }
        return tensor
    }
}
