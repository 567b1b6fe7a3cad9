/// Which keys each query of a batch may attend to: padding, causality and document bounds.
///
/// A query at position `i` of example `b` attends to key `j` of the same example when `j` is not
/// padding, `j ≤ i` if ``causal``, and `documents[b, j] == documents[b, i]` if ``documents`` is
/// set (attention restarts at each document boundary of a packed block). A query that is itself
/// padding attends to nothing: its output is zero and it passes back no gradient. (Hugging Face
/// lets padding queries attend to the real keys; their outputs are never used, and every other
/// position gets the same values either way.)
public struct AttentionMask: Sendable, Equatable {
    /// Which positions of each example are padding.
    public enum Padding: Sendable, Equatable {
        /// No padding.
        case none
        /// Example `b`'s first `lengths[b]` positions are real, the rest padding (one length per
        /// example, each in `0 ... sequence`).
        case lengths([Int])
        /// A 0/1 mask of `batch × sequence` values, row-major, as Hugging Face's
        /// `attention_mask`: 1 for a real position, 0 for padding.
        case mask([Int32])
    }

    /// The padding.
    public var padding: Padding
    /// Whether a query attends only to keys at or before its own position.
    public var causal: Bool
    /// A document id per position, `batch × sequence` values row-major, or `nil` for one
    /// document per example.
    public var documents: [Int32]?

    /// A mask with the given parts (by default none: every query attends to every key).
    public init(padding: Padding = .none, causal: Bool = false, documents: [Int32]? = nil) {
        self.padding = padding
        self.causal = causal
        self.documents = documents
    }

    /// Checks the sizes against a batch of `batch` examples of `sequence` positions.
    func validate(batch: Int, sequence: Int) {
        switch padding {
        case .none: break
        case .lengths(let lengths):
            precondition(lengths.count == batch, "one length per example")
            precondition(lengths.allSatisfy { (0...sequence).contains($0) }, "lengths within the sequence")
        case .mask(let mask): precondition(mask.count == batch * sequence, "one mask value per position")
        }
        precondition(documents == nil || documents!.count == batch * sequence, "one document id per position")
    }

    /// How many leading positions of example `b` can hold a real position: past them, every
    /// position is padding, so the attention computes only the top-left `active × active` block.
    func active(_ b: Int, sequence: Int) -> Int {
        switch padding {
        case .none: return sequence
        case .lengths(let lengths): return lengths[b]
        case .mask(let mask):
            let row = mask[(b * sequence)..<((b + 1) * sequence)]
            return (row.lastIndex { $0 != 0 }).map { $0 - b * sequence + 1 } ?? 0
        }
    }

    /// Whether position `i` of example `b` is real (not padding), for `i` below `active(b)`.
    func isReal(_ b: Int, _ i: Int, sequence: Int) -> Bool {
        if case .mask(let mask) = padding { return mask[b * sequence + i] != 0 }
        return true
    }

    /// Sets to −∞ the scores of the keys that query `i` of example `b` may not attend to, among
    /// the `active` keys at `scores`; all of them when the query is padding.
    func apply(to scores: UnsafeMutablePointer<Float>, b: Int, query i: Int, active: Int, sequence: Int) {
        guard isReal(b, i, sequence: sequence) else {
            scores.update(repeating: -.infinity, count: active)
            return
        }
        if case .mask = padding {
            for j in 0..<active where !isReal(b, j, sequence: sequence) { scores[j] = -.infinity }
        }
        if causal, i + 1 < active { (scores + i + 1).update(repeating: -.infinity, count: active - i - 1) }
        if let documents {
            let base = b * sequence
            let own = documents[base + i]
            for j in 0..<active where documents[base + j] != own { scores[j] = -.infinity }
        }
    }
}
