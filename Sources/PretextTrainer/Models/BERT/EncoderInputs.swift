import PretextCore
import PretextLoader

/// What the encoder reads from a batch: token and segment ids, and which positions are real.
///
/// `batch` examples of `sequence` positions, row-major (row `b · sequence + i` is position `i`
/// of example `b`). Position ids are `0 ..< sequence` in every example, as Hugging Face's
/// `BertEmbeddings` takes them when none are given; padding is at the end of an example (the
/// loader pads on the right), so a real token's position id is its index.
public struct EncoderInputs: Sendable, Equatable {
    /// The number of examples.
    public let batch: Int
    /// The positions per example (the batch's sequence width).
    public let sequence: Int
    /// The token ids, `batch × sequence`.
    public let ids: [Int32]
    /// The segment (token type) ids, `batch × sequence`; all 0 when the batch has none.
    public let segments: [Int32]
    /// Which positions are padding; the attention's mask.
    public let padding: AttentionMask.Padding

    /// Inputs from arrays, checked against `configuration`.
    /// - Parameters:
    ///   - segments: `nil` for all 0 (Hugging Face's default `token_type_ids`).
    ///   - padding: `.lengths` or a 0/1 `.mask`; `.none` when every position is real.
    /// - Throws: `.malformedInput` naming the field whose sizes or values do not fit (an id
    ///   outside the vocabulary, a segment id past `type_vocab_size`, a length past the sequence);
    ///   `.invalidConfiguration` when the sequence is longer than `max_position_embeddings`
    ///   allows (``EncoderConfiguration/longestSequence``).
    public init(
        ids: [Int32], segments: [Int32]? = nil, batch: Int, sequence: Int, padding: AttentionMask.Padding = .none,
        configuration: EncoderConfiguration
    ) throws {
        self.batch = batch
        self.sequence = sequence
        self.ids = ids
        self.segments = segments ?? [Int32](repeating: 0, count: ids.count)
        self.padding = padding
        try validate(configuration)
    }

    /// The attention mask: padding keys hidden, padding queries output 0.
    public var mask: AttentionMask { AttentionMask(padding: padding) }

    /// The number of rows, `batch × sequence`.
    public var rows: Int { batch * sequence }

    /// The position id of every row, `i` for position `i` of an example.
    public var positions: [Int32] { (0..<rows).map { Int32($0 % sequence) } }

    /// The position ids `configuration`'s embeddings use: ``positions``, or RoBERTa's from the
    /// token ids as transformers' `create_position_ids_from_input_ids` makes them — a token
    /// that is not the pad id gets `pad + ` its rank among the example's non-pad tokens
    /// (`pad + 1` for the first), a pad token gets `pad`. With padding only at the end, real
    /// position `i` gets `pad + 1 + i`.
    public func positions(for configuration: EncoderConfiguration) -> [Int32] {
        guard configuration.variant == .roberta else { return positions }
        let pad = Int32(configuration.padTokenID)
        var result = [Int32](repeating: pad, count: rows)
        var rank: Int32 = 0
        for row in 0..<rows {
            if row % sequence == 0 { rank = 0 }
            guard ids[row] != pad else { continue }
            rank += 1
            result[row] = pad + rank
        }
        return result
    }

    /// Whether each row is a real token (not padding).
    public var isReal: [Bool] {
        switch padding {
        case .none: return [Bool](repeating: true, count: rows)
        case .lengths(let lengths): return (0..<rows).map { $0 % sequence < lengths[$0 / sequence] }
        case .mask(let mask): return mask.map { $0 != 0 }
        }
    }

    /// Throws unless every size and value fits the configuration.
    private func validate(_ configuration: EncoderConfiguration) throws {
        guard sequence <= configuration.longestSequence else {
            throw PretextError(
                .invalidConfiguration,
                "the batch has sequences of \(sequence) positions; max_position_embeddings is "
                    + "\(configuration.maxPositions)"
                    + (configuration.positionOffset > 0 ? ", of which \(configuration.positionOffset) come first" : ""))
        }
        try Self.check("input_ids", ids, count: rows, below: configuration.vocabularySize)
        try Self.check("segment_ids", segments, count: rows, below: configuration.typeVocabularySize)
        switch padding {
        case .none: break
        case .lengths(let lengths):
            guard lengths.count == batch, lengths.allSatisfy({ (0...sequence).contains($0) }) else {
                throw PretextError(.malformedInput, "'length' must hold one value in 0...\(sequence) per example")
            }
        case .mask(let mask): try Self.check(Batch.attentionMaskName, mask, count: rows, below: 2)
        }
    }

    /// Throws `.malformedInput` naming `field` unless it has `count` values in `0 ..< bound`.
    static func check(_ field: String, _ values: [Int32], count: Int, below bound: Int) throws {
        guard values.count == count else {
            throw PretextError(.malformedInput, "'\(field)' has \(values.count) values; expected \(count)")
        }
        if let bad = values.first(where: { $0 < 0 || Int($0) >= bound }) {
            throw PretextError(.malformedInput, "'\(field)' holds \(bad), outside 0..<\(bound)")
        }
    }
}
