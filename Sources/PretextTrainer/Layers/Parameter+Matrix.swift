/// A two-dimensional parameter seen as a ``Matrix``, for the layers' sgemm calls.
extension Parameter {
    /// The value as a `shape[0] × shape[1]` matrix (sharing the array, copy-on-write).
    var valueMatrix: Matrix {
        precondition(shape.count == 2, "a matrix parameter has two dimensions")
        return Matrix(rows: shape[0], columns: shape[1], values: value)
    }

    /// Lets `body` add to the gradient as a `shape[0] × shape[1]` matrix in place.
    ///
    /// The gradient array moves into the matrix and back, so it has one owner while `body` runs
    /// and sgemm's `beta = 1` accumulation writes it without a copy.
    func accumulateGradient(_ body: (inout Matrix) -> Void) {
        precondition(shape.count == 2, "a matrix parameter has two dimensions")
        var matrix = Matrix(rows: 0, columns: 0, values: [])
        swap(&matrix.values, &gradient)
        (matrix.rows, matrix.columns) = (shape[0], shape[1])
        body(&matrix)
        precondition(matrix.rows == shape[0] && matrix.columns == shape[1], "the gradient keeps its shape")
        swap(&matrix.values, &gradient)
    }
}
