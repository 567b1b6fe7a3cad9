/// One tensor of a safetensors file: its name, shape and `F32` values, row-major.
public struct SafetensorsTensor: Sendable, Equatable {
    /// The tensor's name (a Hugging Face parameter name in model checkpoints).
    public var name: String
    /// The dimensions, outermost first; `[]` is a scalar.
    public var shape: [Int]
    /// The values, row-major; `shape` multiplied out of them.
    public var values: [Float]

    /// A tensor; `values` must hold `shape` multiplied out (the writer checks).
    public init(name: String, shape: [Int], values: [Float]) {
        self.name = name
        self.shape = shape
        self.values = values
    }

    /// The tensor of a parameter's current values (shares the storage until either changes).
    public init(_ parameter: Parameter) {
        self.init(name: parameter.name, shape: parameter.shape, values: parameter.value)
    }

    /// The number of bytes of its data in a file (4 per value).
    var byteCount: Int { values.count * MemoryLayout<Float>.size }
}
