/// Layer normalization over the last dimension (each row), forward and backward, as PyTorch's
/// `nn.LayerNorm`: `y = (x − mean) / √(var + ε) · γ + β` with the biased variance
/// (`Σ (x − mean)² / n`).
///
/// The backward pass, with `x̂ = (x − mean) · r`, `r = 1/√(var + ε)` and `g = dy ⊙ γ`:
/// `dx = r · (g − mean(g) − x̂ · mean(g ⊙ x̂))`, `dγ = Σ_rows dy ⊙ x̂`, `dβ = Σ_rows dy`.
enum LayerNormKernel {
    /// What the backward pass needs from the forward one.
    struct Saved: Sendable {
        /// `x̂`, the normalized input (before γ and β).
        var normalized: Matrix
        /// `1/√(var + ε)` of each row.
        var inverseDeviation: [Float]
    }

    /// `(x − mean) / √(var + ε) · weight + bias` for each row of `input`.
    static func forward(_ input: Matrix, weight: [Float], bias: [Float], epsilon: Float) -> (Matrix, Saved) {
        let columns = input.columns
        precondition(weight.count == columns && bias.count == columns, "one weight and bias per column")
        var normalized = input
        var output = input
        var inverseDeviation = [Float](repeating: 0, count: input.rows)
        normalized.values.withUnsafeMutableBufferPointer { normalized in
            output.values.withUnsafeMutableBufferPointer { output in
                inverseDeviation.withUnsafeMutableBufferPointer { inverse in
                    // `normalized` and `output` hold `rows × columns` values, `inverse` one per row;
                    // each chunk writes only its own rows of the three.
                    let (normalized, output, inverse) = (normalized.baseAddress!, output.baseAddress!, inverse)
                    Parallel.forEachRows(input.rows, rowWork: columns * 4) { rows in
                        for row in rows {
                            let x = normalized + row * columns
                            inverse[row] = normalizeRow(x, count: columns, epsilon: epsilon)
                            let y = output + row * columns
                            for j in 0..<columns { y[j] = x[j] * weight[j] + bias[j] }
                        }
                    }
                }
            }
        }
        return (output, Saved(normalized: normalized, inverseDeviation: inverseDeviation))
    }

    /// Replaces `count` values at `x` by `(x − mean) · r` and returns `r = 1/√(var + ε)`.
    static func normalizeRow(_ x: UnsafeMutablePointer<Float>, count: Int, epsilon: Float) -> Float {
        var sum: Float = 0
        for j in 0..<count { sum += x[j] }
        let mean = sum / Float(count)
        var squares: Float = 0
        for j in 0..<count {
            x[j] -= mean
            squares += x[j] * x[j]
        }
        let inverse = 1 / (squares / Float(count) + epsilon).squareRoot()
        for j in 0..<count { x[j] *= inverse }
        return inverse
    }

    /// The input gradient; adds `Σ dy ⊙ x̂` to `weightGradient` and `Σ dy` to `biasGradient`.
    ///
    /// The column sums are taken per chunk of rows, then added in chunk order, so they do not
    /// depend on the thread count.
    static func backward(
        _ gradOutput: Matrix, saved: Saved, weight: [Float], weightGradient: inout [Float], biasGradient: inout [Float]
    ) -> Matrix {
        let (rows, columns) = (gradOutput.rows, gradOutput.columns)
        precondition(saved.normalized.rows == rows && saved.normalized.columns == columns, "shapes agree")
        let chunkRows = Parallel.chunkRows(rowWork: columns * 6)
        let chunks = Parallel.chunkCount(rows, chunkRows: chunkRows)
        // Per chunk: `columns` partial sums for γ, then `columns` for β.
        var partials = [Float](repeating: 0, count: chunks * 2 * columns)
        var gradInput = gradOutput
        gradInput.values.withUnsafeMutableBufferPointer { gradients in
            saved.normalized.values.withUnsafeBufferPointer { normalized in
                partials.withUnsafeMutableBufferPointer { partials in
                    // Each chunk rewrites only its own rows of `gradients` (from `dy` to `dx`) and
                    // its own `2 × columns` partial sums; all offsets stay inside the buffers.
                    let (gradients, normalized, partials) =
                        (gradients.baseAddress!, normalized.baseAddress!, partials.baseAddress!)
                    let inverse = saved.inverseDeviation
                    Parallel.forEachChunk(rows, chunkRows: chunkRows, rowWork: columns * 6) { chunk, range in
                        let sums = partials + chunk * 2 * columns
                        for row in range {
                            let dy = gradients + row * columns
                            let x = normalized + row * columns
                            for j in 0..<columns {
                                sums[j] += dy[j] * x[j]
                                sums[columns + j] += dy[j]
                            }
                            backwardRow(dy, normalized: x, inverse: inverse[row], weight: weight, count: columns)
                        }
                    }
                }
            }
        }
        for chunk in 0..<chunks {
            for j in 0..<columns {
                weightGradient[j] += partials[chunk * 2 * columns + j]
                biasGradient[j] += partials[chunk * 2 * columns + columns + j]
            }
        }
        return gradInput
    }

    /// Replaces `dy` at `gradient` by `dx = r · (g − mean(g) − x̂ · mean(g ⊙ x̂))`, `g = dy ⊙ γ`.
    static func backwardRow(
        _ gradient: UnsafeMutablePointer<Float>, normalized: UnsafePointer<Float>, inverse: Float, weight: [Float],
        count: Int
    ) {
        var sum: Float = 0
        var dot: Float = 0
        for j in 0..<count {
            let g = gradient[j] * weight[j]
            sum += g
            dot += g * normalized[j]
        }
        let (mean, meanDot) = (sum / Float(count), dot / Float(count))
        for j in 0..<count {
            gradient[j] = inverse * (gradient[j] * weight[j] - mean - normalized[j] * meanDot)
        }
    }
}
