import PretextCore
import PretextStore

/// How the records of a schema become the tensors of a batch: each field's place in the record,
/// which fields are sequences, and where the `length` field is.
///
/// With a `length` field (one integer value), the sequence fields are the other fields holding
/// the most values (`L` of them, `L` > 1); they get an attention mask of `L` columns and are cut
/// to the batch's longest length under `Padding.longest`.
struct BatchLayout: Sendable {
    /// One field of the record.
    struct Column: Sendable {
        let name: String
        let type: RecordSchema.ScalarType
        let count: Int
        let offset: Int
        let isSequence: Bool
    }

    /// The name of the field that holds an example's length.
    static let lengthName = "length"

    let columns: [Column]
    let recordBytes: Int
    /// The `length` column, when the schema has one and sequence fields.
    let lengthColumn: Int?
    /// The sequence fields' value count `L` (0 without a length column).
    let sequenceLength: Int

    /// The layout of `schema`, which must be of fixed size.
    /// - Throws: `.invalidConfiguration` for variable-length records, or a field named
    ///   `attention_mask` in a schema that gets a mask.
    init(schema: RecordSchema) throws {
        guard let recordBytes = schema.recordBytes else {
            throw PretextError(.invalidConfiguration, "batches need fixed-size records; \(schema.json) is not")
        }
        let length = schema.fields.firstIndex {
            $0.name == Self.lengthName && $0.count == 1 && $0.type != .float32 && $0.type != .float64
        }
        let others = schema.fields.indices.filter { $0 != length }
        let longest = others.map { schema.fields[$0].count ?? 0 }.max() ?? 0
        let masked = length != nil && longest > 1
        self.recordBytes = recordBytes
        self.lengthColumn = masked ? length : nil
        self.sequenceLength = masked ? longest : 0
        self.columns = zip(schema.fields, schema.offsets).enumerated().map { index, pair in
            let count = pair.0.count ?? 0
            return Column(
                name: pair.0.name, type: pair.0.type, count: count, offset: pair.1,
                isSequence: masked && index != length && count == longest)
        }
        if masked, columns.contains(where: { $0.name == Batch.attentionMaskName }) {
            throw PretextError(
                .invalidConfiguration,
                "the record field '\(Batch.attentionMaskName)' clashes with the mask the loader adds for 'length'")
        }
    }

    /// The tensor names of a batch, in order.
    var tensorNames: [String] {
        columns.map(\.name) + (lengthColumn == nil ? [] : [Batch.attentionMaskName])
    }
}
