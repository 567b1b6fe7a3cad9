import PretextCore

/// The texts of a contrastive batch stacked into one encoder batch, so that one forward and one
/// backward pass serve them all: rows `0 ..< B` the anchors, `B ..< 2B` their positives, and
/// `2B ..< 3B` the hard negatives when the batch has them.
///
/// Each text is `[CLS] ids [SEP]` as the `contrastive` stage writes it, padded with the pad id
/// to the longest text of the batch (or to a given width), segment 0, positions `0 ..< n`.
public struct ContrastiveInputs: Sendable, Equatable {
    /// The encoder's inputs, `texts × sequence`.
    public let encoder: EncoderInputs
    /// B, the number of anchor–positive pairs.
    public let pairs: Int
    /// Whether rows `2B ..< 3B` hold hard negatives.
    public let hasNegatives: Bool

    /// Inputs from unpadded texts (token ids, special tokens included).
    /// - Parameters:
    ///   - negatives: one hard negative per anchor, or `nil`.
    ///   - sequence: the width to pad to; `nil` for the longest text's length.
    /// - Throws: `.malformedInput` when the sides differ in count, a text is empty or longer
    ///   than `sequence`, or an id is outside the vocabulary; `.invalidConfiguration` when the
    ///   width is past `max_position_embeddings`.
    public init(
        anchors: [[Int32]], positives: [[Int32]], negatives: [[Int32]]? = nil, sequence: Int? = nil,
        configuration: EncoderConfiguration
    ) throws {
        let sides = [("anchor", anchors), ("positive", positives)] + (negatives.map { [("negative", $0)] } ?? [])
        let texts = sides.flatMap(\.1)
        let width = sequence ?? texts.map(\.count).max() ?? 0
        for (side, values) in sides {
            guard values.count == anchors.count else {
                throw PretextError(
                    .malformedInput, "the batch has \(anchors.count) anchors but \(values.count) \(side) texts")
            }
            if let bad = values.first(where: { $0.isEmpty || $0.count > width }) {
                throw PretextError(
                    .malformedInput, "'\(side)_length' holds \(bad.count), outside 1...\(width): every text has a token"
                )
            }
        }
        encoder = try Self.padded(texts, to: width, configuration: configuration)
        pairs = anchors.count
        hasNegatives = negatives != nil
    }

    /// The number of candidates each anchor is scored against: B, or 2B with hard negatives.
    public var candidates: Int { hasNegatives ? 2 * pairs : pairs }

    /// The encoder's inputs of `texts` (none empty or longer than `width`), each padded with
    /// the pad id to `width`.
    /// - Throws: the errors of ``EncoderInputs/init(ids:segments:batch:sequence:padding:configuration:)``.
    static func padded(_ texts: [[Int32]], to width: Int, configuration: EncoderConfiguration) throws -> EncoderInputs {
        let pad = Int32(configuration.padTokenID)
        return try EncoderInputs(
            ids: texts.flatMap { $0 + [Int32](repeating: pad, count: width - $0.count) }, batch: texts.count,
            sequence: width, padding: .lengths(texts.map(\.count)), configuration: configuration)
    }
}
