/// Selecting rows of an activation matrix and adding gradients back into them: the MLM head
/// runs only on the masked tokens' rows, the pooler only on each example's first row.
enum BertRows {
    /// The rows `rows` of `matrix`, in that order.
    static func gather(_ matrix: Matrix, rows: [Int]) -> Matrix {
        let columns = matrix.columns
        var values = [Float]()
        values.reserveCapacity(rows.count * columns)
        for row in rows {
            precondition((0..<matrix.rows).contains(row), "a row of the matrix")
            values.append(contentsOf: matrix.values[(row * columns)..<((row + 1) * columns)])
        }
        return Matrix(rows: rows.count, columns: columns, values: values)
    }

    /// Adds row `r` of `source` to row `rows[r]` of `target`, for every `r` in order (a row
    /// chosen twice gets both): the backward pass of ``gather(_:rows:)``.
    static func scatterAdd(_ source: Matrix, rows: [Int], into target: inout Matrix) {
        precondition(source.rows == rows.count && source.columns == target.columns, "one source row per row")
        let columns = source.columns
        for (from, to) in rows.enumerated() {
            precondition((0..<target.rows).contains(to), "a row of the target")
            for column in 0..<columns {
                target.values[to * columns + column] += source.values[from * columns + column]
            }
        }
    }

    /// The first row of each of `batch` examples of `sequence` rows: `0, sequence, 2·sequence, …`.
    static func firstRows(batch: Int, sequence: Int) -> [Int] {
        (0..<batch).map { $0 * sequence }
    }
}
