/// The element-wise sum of two matrices: GPT-2's residual connections.
extension Matrix {
    /// `self + other`, element by element (the same shape).
    func adding(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows && columns == other.columns, "matrices of one shape")
        return Matrix(rows: rows, columns: columns, values: ElementWise.map(values, other.values, +))
    }
}
