/// Row-wise helpers of the layers: broadcasting a vector to every row, and summing the rows.
extension Matrix {
    /// A `rows × vector.count` matrix whose every row is `vector`.
    static func repeating(_ vector: [Float], rows: Int) -> Matrix {
        var values = [Float]()
        values.reserveCapacity(rows * vector.count)
        for _ in 0..<rows { values.append(contentsOf: vector) }
        return Matrix(rows: rows, columns: vector.count, values: values)
    }

    /// Adds the sum of the rows to `sums` (one per column), rows in order, so the result does not
    /// depend on any thread count.
    func addColumnSums(into sums: inout [Float]) {
        precondition(sums.count == columns, "one sum per column")
        let columns = columns
        values.withUnsafeBufferPointer { values in
            sums.withUnsafeMutableBufferPointer { sums in
                // Row `row` occupies `columns` values from `row × columns`, inside `values`;
                // `sums` holds `columns` values.
                for row in 0..<rows {
                    let start = row * columns
                    for column in 0..<columns { sums[column] += values[start + column] }
                }
            }
        }
    }
}
