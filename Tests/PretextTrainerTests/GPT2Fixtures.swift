import PretextLoader

@testable import PretextTrainer

/// The tiny GPT-2 and the `causal_lm` batches of the GPT-2 tests.
enum GPT2Fixtures {
    /// Vocabulary 40, E 16, 2 blocks of 2 heads, 16 positions.
    static func configuration(documentAttention: Bool = true) -> DecoderConfiguration {
        DecoderConfiguration(
            vocabulary: 40, embedding: 16, layers: 2, heads: 2, positions: 16, bosTokenID: 1, eosTokenID: 1,
            documentAttention: documentAttention)
    }

    /// The pad id of the batches.
    static let pad: Int32 = 0

    /// A batch of `causal_lm` records: one row per `(ids, positions)`, padded to `sequence`
    /// with ``pad`` and position 0, `length` the real tokens.
    static func batch(_ rows: [(ids: [Int32], positions: [Int32])], sequence: Int) -> Batch {
        var (ids, positions, lengths) = ([Int32](), [Int32](), [Int32]())
        for row in rows {
            let padding = sequence - row.ids.count
            ids += row.ids + [Int32](repeating: pad, count: padding)
            positions += row.positions + [Int32](repeating: 0, count: padding)
            lengths.append(Int32(row.ids.count))
        }
        let tensors = [
            "input_ids": Batch.Tensor(shape: [rows.count, sequence], values: ids),
            "positions": Batch.Tensor(shape: [rows.count, sequence], values: positions),
            "length": Batch.Tensor(shape: [rows.count, 1], values: lengths),
        ]
        return Batch(
            names: ["input_ids", "positions", "length"], tensors: tensors,
            examples: rows.indices.map { ExampleKey(source: 0, epoch: 0, index: $0) })
    }

    /// Document A (5 tokens) and B (3 tokens).
    static let documentA: [Int32] = [7, 12, 33, 4, 1]
    static let documentB: [Int32] = [25, 9, 1]

    /// Three rows of 8: A + B packed; a 6-token document then padding; a block starting
    /// mid-document (positions restart at the block).
    static var standardBatch: Batch {
        batch(
            [
                (documentA + documentB, [0, 1, 2, 3, 4, 0, 1, 2]),
                ([3, 17, 22, 8, 30, 1], [0, 1, 2, 3, 4, 5]),
                ([11, 5, 39, 2, 14, 27, 6, 19], [0, 1, 2, 3, 4, 5, 6, 7]),
            ], sequence: 8)
    }
}
