import PretextLoader

/// How a document's tokens become a model input for the linear probe: the ids the model's
/// examples start and end with (`[CLS]` … `[SEP]` for the encoders, nothing for GPT-2) around
/// the document's first tokens, at most `maxLength` in all.
public struct ProbeFraming: Sendable, Equatable {
    /// Ids before the document's tokens.
    public var prefix: [Int32]
    /// Ids after them.
    public var suffix: [Int32]
    /// The model's sequence length.
    public var maxLength: Int
    /// The id padding fills the rest of a row with.
    public var padID: Int32

    /// A framing.
    public init(prefix: [Int32] = [], suffix: [Int32] = [], maxLength: Int, padID: Int32 = 0) {
        self.prefix = prefix
        self.suffix = suffix
        self.maxLength = maxLength
        self.padID = padID
    }

    /// `ids` cut to fit and framed.
    public func frame(_ ids: [UInt32]) -> [Int32] {
        let room = max(0, maxLength - prefix.count - suffix.count)
        return prefix + ids.prefix(room).map { Int32(bitPattern: $0) } + suffix
    }

    /// A batch of framed sequences as the models read it: `input_ids` `[rows, maxLength]`
    /// padded with `padID`, `length` `[rows, 1]`, `positions` `[rows, maxLength]` (0, 1, … —
    /// one document per row), `segment_ids` all 0 and `attention_mask`.
    public func batch(_ sequences: [[Int32]]) -> Batch {
        let width = maxLength
        var ids = [Int32](repeating: padID, count: sequences.count * width)
        var mask = [Int32](repeating: 0, count: sequences.count * width)
        var positions = [Int32](repeating: 0, count: sequences.count * width)
        for (row, sequence) in sequences.enumerated() {
            for (column, id) in sequence.prefix(width).enumerated() {
                ids[row * width + column] = id
                mask[row * width + column] = 1
                positions[row * width + column] = Int32(column)
            }
        }
        let rows = sequences.count
        let tensors: [String: Batch.Tensor] = [
            "input_ids": .init(shape: [rows, width], values: ids),
            "length": .init(shape: [rows, 1], values: sequences.map { Int32(min($0.count, width)) }),
            "positions": .init(shape: [rows, width], values: positions),
            "segment_ids": .init(shape: [rows, width], values: [Int32](repeating: 0, count: rows * width)),
            Batch.attentionMaskName: .init(shape: [rows, width], values: mask),
        ]
        return Batch(
            names: ["input_ids", "length", "positions", "segment_ids", Batch.attentionMaskName], tensors: tensors,
            examples: (0..<rows).map { ExampleKey(source: 0, epoch: 0, index: $0) })
    }
}
