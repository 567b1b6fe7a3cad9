/// A lookup table of vectors, `[vocabulary, dimension]`: word, position and segment embeddings,
/// and — tied — the output projection of a language-model head (`logits = h · Eᵀ`).
///
/// Forward gathers rows; backward scatter-adds the output gradient into the rows it gathered,
/// in row order (so repeated ids add up the same way on any thread count). The projection's
/// backward adds into the same ``weight`` gradient, which is how a tied weight gets both
/// contributions.
public final class Embedding: Sendable {
    /// What ``projectBackward(_:cache:)`` needs from ``project(_:)``: its input.
    public struct ProjectionCache: Sendable {
        /// The hidden states projected, `[rows, dimension]`.
        public let input: Matrix
    }

    /// The table, `NAME.weight`, `[vocabulary, dimension]`; weight decay applies.
    public let weight: Parameter
    /// The number of rows of the table.
    public let vocabulary: Int
    /// The width of a vector.
    public let dimension: Int

    /// A table named `name` (e.g. `bert.embeddings.word_embeddings`; `.weight` is appended), zeros.
    public init(name: String, vocabulary: Int, dimension: Int) {
        weight = Parameter(name: name + ".weight", shape: [vocabulary, dimension], decays: true)
        self.vocabulary = vocabulary
        self.dimension = dimension
    }

    /// The rows of the table for `ids` (each in `0..<vocabulary`), one output row per id.
    public func forward(_ ids: [Int32]) -> Matrix {
        precondition(ids.allSatisfy { (0..<Int32(vocabulary)).contains($0) }, "ids index the table")
        var values = [Float]()
        values.reserveCapacity(ids.count * dimension)
        weight.value.withUnsafeBufferPointer { table in
            for id in ids {
                // `id` is checked above, so the row `id × dimension ..< (id + 1) × dimension` is
                // inside the table.
                let start = Int(id) * dimension
                values.append(contentsOf: table[start..<(start + dimension)])
            }
        }
        return Matrix(rows: ids.count, columns: dimension, values: values)
    }

    /// Adds row `r` of `gradOutput` to the gradient of table row `ids[r]`, for every `r` in order.
    public func backward(_ gradOutput: Matrix, ids: [Int32]) {
        precondition(gradOutput.rows == ids.count && gradOutput.columns == dimension, "one gradient row per id")
        let dimension = dimension
        gradOutput.values.withUnsafeBufferPointer { source in
            weight.gradient.withUnsafeMutableBufferPointer { table in
                // `forward` took these ids, so each is a row of the table; row `r` of `source` is
                // inside it as `source` holds `ids.count × dimension` values.
                for (row, id) in ids.enumerated() {
                    let (from, to) = (row * dimension, Int(id) * dimension)
                    for column in 0..<dimension { table[to + column] += source[from + column] }
                }
            }
        }
    }

    /// The tied output projection `input · Eᵀ`: one logit per table row, `[rows, vocabulary]`.
    public func project(_ input: Matrix) -> (output: Matrix, cache: ProjectionCache) {
        precondition(input.columns == dimension, "the input has the table's width")
        return (BLAS.product(input, weight.valueMatrix, transposeB: true), ProjectionCache(input: input))
    }

    /// The projection's input gradient `dy · E`; adds `dyᵀ · input` to the table's gradient.
    public func projectBackward(_ gradOutput: Matrix, cache: ProjectionCache) -> Matrix {
        precondition(
            gradOutput.columns == vocabulary && gradOutput.rows == cache.input.rows, "dy has the logits' shape")
        weight.accumulateGradient { gradient in
            BLAS.multiply(gradOutput, cache.input, transposeA: true, beta: 1, into: &gradient)
        }
        return BLAS.product(gradOutput, weight.valueMatrix)
    }
}
