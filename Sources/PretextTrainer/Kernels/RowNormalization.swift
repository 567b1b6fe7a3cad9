/// Scaling each row of a matrix to unit L2 norm, as PyTorch's `F.normalize(x, dim=-1)`:
/// `u = x / max(‖x‖, ε)` with ε = 1e-8 — the cosine similarity of two rows is then the dot
/// product of their normalized rows.
///
/// Backward: for a row with `‖x‖ > ε`, `∂u/∂x = (I − u uᵀ) / ‖x‖`, so
/// `dx = (du − u (u · du)) / ‖x‖`; a row at or below ε was divided by the constant ε, so
/// `dx = du / ε`.
public enum RowNormalization {
    /// The smallest norm divided by (`F.normalize`'s `eps`).
    public static let epsilon: Float = 1e-8

    /// What ``backward(_:cache:)`` needs: the normalized rows and each row's divisor.
    public struct Cache: Sendable {
        /// The normalized rows.
        let output: Matrix
        /// `max(‖x‖, ε)` of each row.
        let divisors: [Float]
    }

    /// The rows of `input` scaled to unit norm (a row at or below ε divided by ε).
    /// - Complexity: O(rows × columns).
    public static func forward(_ input: Matrix) -> (output: Matrix, cache: Cache) {
        var output = input
        var divisors = [Float](repeating: 0, count: input.rows)
        let width = input.columns
        for row in 0..<input.rows {
            let range = (row * width)..<((row + 1) * width)
            var sum: Float = 0
            for index in range { sum += input.values[index] * input.values[index] }
            let divisor = max(sum.squareRoot(), epsilon)
            divisors[row] = divisor
            for index in range { output.values[index] = input.values[index] / divisor }
        }
        return (output, Cache(output: output, divisors: divisors))
    }

    /// The input's gradient, given the normalized rows' gradient.
    public static func backward(_ gradOutput: Matrix, cache: Cache) -> Matrix {
        var gradInput = gradOutput
        let width = gradOutput.columns
        let u = cache.output.values
        for row in 0..<gradOutput.rows {
            let range = (row * width)..<((row + 1) * width)
            let divisor = cache.divisors[row]
            // A clamped row was divided by the constant ε: no projection.
            var projection: Float = 0
            if divisor > epsilon { for index in range { projection += u[index] * gradOutput.values[index] } }
            for index in range {
                gradInput.values[index] = (gradOutput.values[index] - u[index] * projection) / divisor
            }
        }
        return gradInput
    }
}
