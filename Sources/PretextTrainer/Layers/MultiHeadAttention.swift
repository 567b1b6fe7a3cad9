/// The core of multi-head attention: scaled dot-product attention of given queries, keys and
/// values, per example and head, with padding, causal and document masks (``AttentionMask``).
///
/// `q`, `k` and `v` are `[batch × sequence, heads × headDimension]`; head `h` is columns
/// `h·d ..< (h+1)·d`. For each example `b` and head `h`, with `Q`, `K`, `V` the `sequence × d`
/// blocks: `P = softmax(Q·Kᵀ / √d + M)` row by row, where `M` is 0 where the mask allows and −∞
/// where it does not, and the output block is `P·V`. A row of `P` with no allowed key is all 0,
/// so a padding query's output is 0. The products run on sgemm directly on the blocks (leading
/// dimension `heads × d`), only over each example's ``AttentionMask`` active positions.
///
/// The projections before and after (BERT's `query`/`key`/`value`/`output.dense`, GPT-2's
/// `c_attn`/`c_proj`) are ``Linear`` layers; this type has no parameters.
public struct MultiHeadAttention: Sendable {
    /// What ``backward(_:cache:)`` needs from ``forward(query:key:value:batch:sequence:mask:)``.
    public struct Cache: Sendable {
        let query: Matrix
        let key: Matrix
        let value: Matrix
        /// `P` for each example and head: `batch × heads` blocks of `sequence × sequence`,
        /// row-major (only each example's top-left active block is set; the rest is 0).
        let probabilities: [Float]
        let batch: Int
        let sequence: Int
        let mask: AttentionMask
        /// The active positions of each example.
        let active: [Int]
    }

    /// The input gradients of the backward pass.
    public struct Gradients: Sendable {
        /// `∂loss/∂q`.
        public var query: Matrix
        /// `∂loss/∂k`.
        public var key: Matrix
        /// `∂loss/∂v`.
        public var value: Matrix
    }

    /// The number of heads.
    public let heads: Int
    /// The width of a head, `d`.
    public let headDimension: Int

    /// Attention over `heads` heads of `headDimension` features each.
    public init(heads: Int, headDimension: Int) {
        precondition(heads > 0 && headDimension > 0, "at least one head of at least one feature")
        self.heads = heads
        self.headDimension = headDimension
    }

    /// The width of `q`, `k`, `v` and the output: `heads × headDimension`.
    public var width: Int { heads * headDimension }

    /// `1/√d`, the scale of the scores.
    var scale: Float { 1 / Float(headDimension).squareRoot() }

    /// The attention output, `[batch × sequence, heads × headDimension]`, for `batch` examples of
    /// `sequence` positions.
    public func forward(
        query: Matrix, key: Matrix, value: Matrix, batch: Int, sequence: Int, mask: AttentionMask = AttentionMask()
    ) -> (output: Matrix, cache: Cache) {
        for input in [query, key, value] {
            precondition(
                input.rows == batch * sequence && input.columns == width, "q, k, v of [batch × sequence, width]")
        }
        mask.validate(batch: batch, sequence: sequence)
        let active = (0..<batch).map { mask.active($0, sequence: sequence) }
        var probabilities = [Float](repeating: 0, count: batch * heads * sequence * sequence)
        var output = Matrix(rows: batch * sequence, columns: width)
        let blocks = HeadBlocks(heads: heads, headDimension: headDimension, sequence: sequence, active: active)
        probabilities.withUnsafeMutableBufferPointer { probabilities in
            let p = probabilities.baseAddress!
            blocks.scores(query, key, scale: scale, into: p)
            maskedSoftmax(p, blocks: blocks, mask: mask)
            output.values.withUnsafeMutableBufferPointer { output in
                blocks.weightedValues(UnsafePointer(p), value, into: output.baseAddress!)
            }
        }
        let cache = Cache(
            query: query, key: key, value: value, probabilities: probabilities, batch: batch, sequence: sequence,
            mask: mask, active: active)
        return (output, cache)
    }

    /// Turns each active row of scores at `p` into probabilities: masked keys to −∞, then a
    /// stable softmax (rows split across threads).
    private func maskedSoftmax(_ p: UnsafeMutablePointer<Float>, blocks: HeadBlocks, mask: AttentionMask) {
        let (sequence, heads) = (blocks.sequence, heads)
        Parallel.forEachRows(blocks.active.count * heads * sequence, rowWork: sequence * 20) { rows in
            for row in rows {
                let (b, i) = (row / (heads * sequence), row % sequence)
                let n = blocks.active[b]
                guard i < n else { continue }
                // Row `row` of the probabilities is `sequence` values from `row × sequence`;
                // `n ≤ sequence` of them are used. Each row belongs to one chunk.
                let scores = p + row * sequence
                mask.apply(to: scores, b: b, query: i, active: n, sequence: sequence)
                Softmax.softmaxRow(scores, count: n)
            }
        }
    }
}
