/// How long the sequence fields of a batch are, for schemas with a `length` field.
///
/// The sequence fields are the fields holding the most values (`input_ids[128]`,
/// `segment_ids[128]`); their values at and past an example's `length` are the stored padding.
public enum Padding: Sendable, Hashable {
    /// The schema's length: every batch has the same shape.
    case fixed
    /// The longest `length` of the batch's examples: shorter batches, fewer wasted positions.
    case longest
}
