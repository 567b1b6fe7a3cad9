import PretextCore
import PretextStore

/// The tensors of a batch being filled, row by row in any order.
struct Collation {
    let layout: BatchLayout
    let rows: Int
    /// One buffer per column, `rows × count` values.
    private var buffers: [[Int32]]
    /// Each row's `length` (0 without a length column).
    private var lengths: [Int]

    init(layout: BatchLayout, rows: Int) {
        self.layout = layout
        self.rows = rows
        self.buffers = layout.columns.map { [Int32](repeating: 0, count: rows * $0.count) }
        self.lengths = [Int](repeating: 0, count: rows)
    }

    /// Converts `record` (the layout's size) into row `row`.
    /// - Throws: `.malformedInput` naming the field and example for a value with no `Int32`, or
    ///   a `length` outside 0 ... the sequence length.
    mutating func add(_ record: UnsafeRawBufferPointer, row: Int, key: ExampleKey, path: String) throws {
        precondition(record.count == layout.recordBytes, "a record of the layout's size")
        for (index, column) in layout.columns.enumerated() {
            let converted = buffers[index].withUnsafeMutableBufferPointer { output in
                // Safe: the record holds the column at its offset (the layout sums to its size),
                // and the buffer holds `rows × count` values.
                ScalarConversion.convert(
                    column.type, from: record.baseAddress! + column.offset, count: column.count,
                    into: output.baseAddress! + row * column.count)
            }
            guard converted else {
                throw PretextError(
                    .malformedInput,
                    "field '\(column.name)' (\(column.type.rawValue)) of \(key) holds a value that is not an Int32",
                    path: path)
            }
        }
        if let length = layout.lengthColumn { try setLength(Int(buffers[length][row]), row: row, key: key, path: path) }
    }

    private mutating func setLength(_ length: Int, row: Int, key: ExampleKey, path: String) throws {
        guard length >= 0, length <= layout.sequenceLength else {
            throw PretextError(
                .malformedInput,
                "the length \(length) of \(key) is outside 0...\(layout.sequenceLength), the sequence fields' size",
                path: path)
        }
        lengths[row] = length
    }

    /// The finished batch: sequence fields cut to the padded width, and the attention mask.
    func batch(examples: [ExampleKey], padding: Padding) -> Batch {
        let width = padding == .longest ? (lengths.max() ?? 0) : layout.sequenceLength
        var tensors: [String: Batch.Tensor] = [:]
        for (index, column) in layout.columns.enumerated() {
            let columns = column.isSequence ? width : column.count
            tensors[column.name] = Batch.Tensor(
                shape: [rows, columns], values: cut(buffers[index], from: column.count, to: columns))
        }
        if layout.lengthColumn != nil {
            tensors[Batch.attentionMaskName] = Batch.Tensor(shape: [rows, width], values: mask(width: width))
        }
        return Batch(names: layout.tensorNames, tensors: tensors, examples: examples)
    }

    /// The first `width` of every row of `count` values.
    private func cut(_ values: [Int32], from count: Int, to width: Int) -> [Int32] {
        guard width < count else { return values }
        var output: [Int32] = []
        output.reserveCapacity(rows * width)
        for row in 0..<rows { output += values[(row * count)..<(row * count + width)] }
        return output
    }

    /// 1 at positions below each row's length, 0 after.
    private func mask(width: Int) -> [Int32] {
        var output = [Int32](repeating: 0, count: rows * width)
        output.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<rows {
                // Safe: row × width + min(length, width) ≤ rows × width.
                (buffer.baseAddress! + row * width).update(repeating: 1, count: min(lengths[row], width))
            }
        }
        return output
    }
}
