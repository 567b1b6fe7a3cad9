import Foundation

/// The element-wise steps of the encoder that are not layers: residual sums, the pooler's
/// tanh, and scaling a gradient.
enum BertElementWise {
    /// `a + b`, element by element (matrices of one shape).
    static func sum(_ a: Matrix, _ b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "matrices of one shape")
        return Matrix(rows: a.rows, columns: a.columns, values: ElementWise.map(a.values, b.values, +))
    }

    /// `tanh(x)`, element by element.
    static func tanh(_ input: Matrix) -> Matrix {
        Matrix(rows: input.rows, columns: input.columns, values: ElementWise.map(input.values) { Foundation.tanh($0) })
    }

    /// The input gradient of tanh, `dy ⊙ (1 − y²)`, given its output `y`.
    static func tanhBackward(_ gradOutput: Matrix, output: Matrix) -> Matrix {
        precondition(gradOutput.rows == output.rows && gradOutput.columns == output.columns, "shapes agree")
        let values = ElementWise.map(gradOutput.values, output.values) { $0 * (1 - $1 * $1) }
        return Matrix(rows: output.rows, columns: output.columns, values: values)
    }

    /// `scale · matrix` (the matrix itself when `scale` is 1).
    static func scaled(_ matrix: Matrix, by scale: Float) -> Matrix {
        guard scale != 1 else { return matrix }
        return Matrix(rows: matrix.rows, columns: matrix.columns, values: ElementWise.map(matrix.values) { $0 * scale })
    }
}
