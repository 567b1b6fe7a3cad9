/// Splitting a matrix into equal column blocks and joining them back: GPT-2's fused `c_attn`
/// output `[rows, 3E]` holds q, k and v side by side, and its gradient is the three joined.
extension Matrix {
    /// The `parts` blocks of `columns / parts` consecutive columns each, left to right.
    public func splitColumns(into parts: Int) -> [Matrix] {
        precondition(parts > 0 && columns % parts == 0, "the columns split into equal parts")
        let width = columns / parts
        return (0..<parts).map { part in
            var values = [Float]()
            values.reserveCapacity(rows * width)
            for row in 0..<rows {
                let start = row * columns + part * width
                values.append(contentsOf: self.values[start..<(start + width)])
            }
            return Matrix(rows: rows, columns: width, values: values)
        }
    }

    /// The blocks side by side (all with the same number of rows), the inverse of `splitColumns`.
    public static func joiningColumns(_ blocks: [Matrix]) -> Matrix {
        let rows = blocks.first?.rows ?? 0
        precondition(blocks.allSatisfy { $0.rows == rows }, "blocks of one height")
        let columns = blocks.reduce(0) { $0 + $1.columns }
        var values = [Float]()
        values.reserveCapacity(rows * columns)
        for row in 0..<rows {
            for block in blocks {
                values.append(contentsOf: block.values[(row * block.columns)..<((row + 1) * block.columns)])
            }
        }
        return Matrix(rows: rows, columns: columns, values: values)
    }
}
