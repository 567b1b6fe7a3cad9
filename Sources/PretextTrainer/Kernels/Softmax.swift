import Foundation

/// The softmax over each row of a matrix, numerically stable, and its backward pass.
///
/// `softmax(x)ᵢ = exp(xᵢ − max x) / Σⱼ exp(xⱼ − max x)`. A value of −∞ is a masked position: it
/// gets probability 0, and a row that is all −∞ comes out all 0 (not NaN), which the attention
/// uses for fully masked rows.
public enum Softmax {
    /// The softmax of each row of `input`.
    public static func forward(_ input: Matrix) -> Matrix {
        var output = input
        let columns = input.columns
        output.values.withUnsafeMutableBufferPointer { values in
            // Each chunk touches only its own rows, `columns` values each, inside the buffer.
            let base = values.baseAddress!
            Parallel.forEachRows(input.rows, rowWork: columns * ElementWise.elementWork) { rows in
                for row in rows { softmaxRow(base + row * columns, count: columns) }
            }
        }
        return output
    }

    /// The input gradient `y ⊙ (dy − Σ dy ⊙ y)` per row, given the forward pass's `output` `y`.
    public static func backward(_ gradOutput: Matrix, output: Matrix) -> Matrix {
        precondition(gradOutput.rows == output.rows && gradOutput.columns == output.columns, "shapes agree")
        var gradInput = gradOutput
        let columns = output.columns
        output.values.withUnsafeBufferPointer { probabilities in
            gradInput.values.withUnsafeMutableBufferPointer { gradients in
                // Both buffers hold `rows × columns` values; each chunk touches only its own rows.
                let (probabilities, gradients) = (probabilities.baseAddress!, gradients.baseAddress!)
                Parallel.forEachRows(output.rows, rowWork: columns * 4) { rows in
                    for row in rows {
                        backwardRow(
                            gradients + row * columns, probabilities: probabilities + row * columns, count: columns)
                    }
                }
            }
        }
        return gradInput
    }

    /// Replaces `count` values at `row` by their softmax; all 0 when every value is −∞.
    static func softmaxRow(_ row: UnsafeMutablePointer<Float>, count: Int) {
        var maximum = -Float.infinity
        for index in 0..<count { maximum = max(maximum, row[index]) }
        guard maximum > -.infinity else {
            row.update(repeating: 0, count: count)
            return
        }
        let scale = 1 / FastExp.exponentiate(row, count: count, minus: maximum)
        for index in 0..<count { row[index] *= scale }
    }

    /// Replaces the output gradient `dy` at `gradient` by the input gradient
    /// `y ⊙ (dy − Σ dy ⊙ y)`, for the `count` probabilities `y` at `probabilities`.
    static func backwardRow(_ gradient: UnsafeMutablePointer<Float>, probabilities: UnsafePointer<Float>, count: Int) {
        var dot: Float = 0
        for index in 0..<count { dot += gradient[index] * probabilities[index] }
        for index in 0..<count { gradient[index] = probabilities[index] * (gradient[index] - dot) }
    }
}
