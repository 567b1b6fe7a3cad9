import Foundation

/// The pooler's tanh and its gradient: the encoder's one element-wise step that is not a layer
/// (residual sums and gradient scaling are `Matrix.adding` and `Matrix.scaled`).
enum BertElementWise {
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
}
