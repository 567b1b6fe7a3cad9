/// Element-wise arithmetic on whole matrices: the residual adds and gradient scaling the
/// models share.
extension Matrix {
    /// `self + other`, element by element (matrices of one shape).
    func adding(_ other: Matrix) -> Matrix {
        precondition(rows == other.rows && columns == other.columns, "matrices of one shape")
        return Matrix(rows: rows, columns: columns, values: ElementWise.map(values, other.values, +))
    }

    /// Every value multiplied by `scale` (the matrix itself when `scale` is 1).
    func scaled(by scale: Float) -> Matrix {
        guard scale != 1 else { return self }
        return Matrix(rows: rows, columns: columns, values: ElementWise.map(values) { $0 * scale })
    }
}
