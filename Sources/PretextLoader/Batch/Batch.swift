/// One rank's batch: a contiguous `Int32` buffer per record field, row-major, one row per
/// example, plus `attention_mask` when the schema has a `length` field.
///
/// A field of `count` values comes out as shape `[size, count]` (sequence fields, under
/// `Padding.longest`, as `[size, longest length]`); every scalar type is converted to `Int32`.
/// `attention_mask` has the sequence fields' shape: 1 at positions below the example's length,
/// 0 after. The buffers hand over to other frameworks as they are (`values.withUnsafeBufferPointer`).
public struct Batch: Sendable, Equatable {
    /// A field's values: `shape` (rows first) and `values`, row-major, `shape` multiplied out.
    public struct Tensor: Sendable, Equatable {
        /// The dimensions: `[rows, columns]`.
        public var shape: [Int]
        /// The values, row after row.
        public var values: [Int32]

        /// Creates a tensor.
        public init(shape: [Int], values: [Int32]) {
            self.shape = shape
            self.values = values
        }

        /// Row `row`'s values.
        public func row(_ row: Int) -> ArraySlice<Int32> {
            let width = shape.dropFirst().reduce(1, *)
            return values[(row * width)..<((row + 1) * width)]
        }
    }

    /// The name of the mask tensor.
    public static let attentionMaskName = "attention_mask"

    /// The tensor names: the schema's fields in layout order, then `attention_mask` if any.
    public let names: [String]
    /// The tensors by name.
    public let tensors: [String: Tensor]
    /// The example each row holds.
    public let examples: [ExampleKey]

    /// Creates a batch.
    public init(names: [String], tensors: [String: Tensor], examples: [ExampleKey]) {
        self.names = names
        self.tensors = tensors
        self.examples = examples
    }

    /// The number of rows (examples).
    public var size: Int { examples.count }

    /// The tensor named `name` (a field name or `attention_mask`).
    public subscript(name: String) -> Tensor? { tensors[name] }
}
