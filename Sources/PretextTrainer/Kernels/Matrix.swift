/// A row-major matrix of `Float`: the activation type of the trainer's layers.
///
/// Activations are `[rows, columns]` with one row per token (`rows` = batch × sequence) and one
/// column per feature. A value type over an `Array`, so a layer's cache keeps its input by
/// copy-on-write reference rather than by copying the values.
public struct Matrix: Sendable, Equatable {
    /// The number of rows.
    public var rows: Int
    /// The number of columns (the length of a row).
    public var columns: Int
    /// The values, row after row (`rows × columns` of them).
    public var values: [Float]

    /// A matrix holding `values`, row-major.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(rows >= 0 && columns >= 0, "a matrix has non-negative dimensions")
        precondition(values.count == rows * columns, "a matrix holds rows × columns values")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix of zeros.
    public init(rows: Int, columns: Int) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: 0, count: rows * columns))
    }

    /// The number of values.
    public var count: Int { values.count }

    /// The value at `row`, `column`.
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }
}
