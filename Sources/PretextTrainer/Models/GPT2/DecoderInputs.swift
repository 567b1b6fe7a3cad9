import PretextCore

/// The token ids of a batch of decoder rows, with what the model derives from the batch: the
/// position id of each token, the real length of each row and, with document attention, the
/// document each token belongs to.
///
/// All arrays are `rows × sequence` values, row-major. A `causal_lm` record's `positions` start
/// at 0 at every document start (and at the block's start): with ``DecoderConfiguration/documentAttention``
/// they are the position ids, and a token's document is the number of 0 positions up to and
/// including it in its row; without it the position ids run `0 ..< sequence` and a row is one
/// sequence, as GPT-2's original packing reads it.
public struct DecoderInputs: Sendable, Equatable {
    /// The number of rows.
    public var rows: Int
    /// The positions per row, B.
    public var sequence: Int
    /// The token ids.
    public var ids: [Int32]
    /// The position id of each token (the row of `wpe` it adds).
    public var positionIDs: [Int32]
    /// How many leading tokens of each row are real; the rest is padding.
    public var lengths: [Int]
    /// The document id of each token, or `nil` for one document per row.
    public var documents: [Int32]?

    /// Inputs of `rows` rows of `ids.count / rows` tokens.
    /// - Parameters:
    ///   - positions: each token's position in its document (restarting at 0 per document);
    ///     used, and required, only when `documentAttention` is set.
    ///   - lengths: the real tokens per row; `nil` when no row is padded.
    /// - Throws: `.invalidConfiguration` when the sizes disagree, an id is outside the
    ///   vocabulary, a position id has no position embedding, or `positions` is missing.
    public init(
        ids: [Int32], rows: Int, positions: [Int32]?, lengths: [Int]?, configuration: DecoderConfiguration
    ) throws {
        guard rows > 0, ids.count % rows == 0 else {
            throw PretextError(.invalidConfiguration, "input_ids of \(ids.count) values do not make \(rows) rows")
        }
        self.rows = rows
        self.sequence = ids.count / rows
        self.ids = ids
        self.lengths = lengths ?? [Int](repeating: ids.count / rows, count: rows)
        if configuration.documentAttention {
            guard let positions else {
                throw PretextError(.invalidConfiguration, "document attention needs the batch field \"positions\"")
            }
            guard positions.count == ids.count else {
                throw PretextError(.invalidConfiguration, "positions and input_ids have different shapes")
            }
            positionIDs = positions
            documents = Self.documents(positions, sequence: sequence)
        } else {
            positionIDs = (0..<ids.count).map { Int32($0 % (ids.count / rows)) }
            documents = nil
        }
        try validate(configuration)
    }

    /// Throws unless every id, position id and length is in range.
    private func validate(_ configuration: DecoderConfiguration) throws {
        guard lengths.count == rows, lengths.allSatisfy({ (0...sequence).contains($0) }) else {
            throw PretextError(.invalidConfiguration, "length must give one value in 0...\(sequence) per row")
        }
        guard ids.allSatisfy({ (0..<Int32(configuration.vocabulary)).contains($0) }) else {
            throw PretextError(.invalidConfiguration, "input_ids outside the vocabulary of \(configuration.vocabulary)")
        }
        guard positionIDs.allSatisfy({ (0..<Int32(configuration.positions)).contains($0) }) else {
            throw PretextError(
                .invalidConfiguration, "position ids past n_positions \(configuration.positions): blocks too long")
        }
    }

    /// The document id of each token: the running count of 0 positions within its row (so a
    /// row's first token, position 0, starts document 1).
    static func documents(_ positions: [Int32], sequence: Int) -> [Int32] {
        var documents = [Int32](repeating: 0, count: positions.count)
        var current: Int32 = 0
        for index in positions.indices {
            if index % sequence == 0 { current = 0 }
            if positions[index] == 0 { current += 1 }
            documents[index] = current
        }
        return documents
    }

    /// The attention restrictions: causal, padding from ``lengths``, and ``documents``.
    public var mask: AttentionMask {
        AttentionMask(padding: .lengths(lengths), causal: true, documents: documents)
    }

    /// The next-token targets: token `i + 1` of the row for `i` below the row's last real
    /// position, ``CrossEntropy/ignoreIndex`` at the last real position and on padding.
    public var targets: [Int32] {
        var targets = [Int32](repeating: CrossEntropy.ignoreIndex, count: ids.count)
        for row in 0..<rows where lengths[row] > 1 {
            let start = row * sequence
            for index in start..<(start + lengths[row] - 1) { targets[index] = ids[index + 1] }
        }
        return targets
    }
}
