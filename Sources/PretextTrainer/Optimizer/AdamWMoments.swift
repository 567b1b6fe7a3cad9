/// The optimizer state of one parameter: AdamW's running first and second moments.
///
/// torch names them `exp_avg` and `exp_avg_sq`; both have the parameter's shape.
public struct AdamWMoments: Sendable, Equatable {
    /// The parameter's shape.
    public var shape: [Int]
    /// The exponential moving average of the gradient (`exp_avg`).
    public var first: [Float]
    /// The exponential moving average of the squared gradient (`exp_avg_sq`).
    public var second: [Float]

    /// Moments of `shape`, zero as before the first step.
    public init(shape: [Int]) {
        let count = shape.reduce(1, *)
        self.init(
            shape: shape, first: [Float](repeating: 0, count: count), second: [Float](repeating: 0, count: count))
    }

    /// Moments with the given values (each of `shape` multiplied out).
    public init(shape: [Int], first: [Float], second: [Float]) {
        self.shape = shape
        self.first = first
        self.second = second
    }
}
