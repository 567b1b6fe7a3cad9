import Foundation

/// Multinomial logistic regression, the linear probe's classifier: features standardized with
/// the fitted examples' mean and standard deviation, then `softmax(W x + b)` fitted by
/// full-batch Adam on the mean cross-entropy plus an L2 penalty on `W`, the products on
/// `sgemm`. Deterministic: weights start at zero and every step uses all examples.
public struct SoftmaxRegression: Sendable {
    /// The settings of a fit.
    public struct Settings: Sendable, Equatable {
        /// Full-batch steps.
        public var iterations = 300
        /// Adam's learning rate.
        public var learningRate: Float = 0.05
        /// The L2 penalty's weight, `λ/2 · ‖W‖²`.
        public var l2: Float = 1e-3

        /// The defaults.
        public init() {}
    }

    /// Classes.
    public let classes: Int
    /// Feature width.
    public let features: Int
    private let mean: [Float]
    private let scale: [Float]
    private var weights: Matrix
    private var bias: [Float]

    /// Fits the classifier to `rows` (`[examples, features]`) labelled `labels` (0..<classes).
    public init(rows: Matrix, labels: [Int], classes: Int, settings: Settings = Settings()) {
        precondition(labels.count == rows.rows, "one label per row")
        self.classes = classes
        self.features = rows.columns
        (mean, scale) = Self.standardization(rows)
        weights = Matrix(rows: classes, columns: rows.columns)
        bias = [Float](repeating: 0, count: classes)
        fit(standardized(rows), labels: labels, settings: settings)
    }

    /// The most probable class of each row of `rows`.
    public func predict(_ rows: Matrix) -> [Int] {
        let scores = logits(standardized(rows))
        return (0..<scores.rows).map { row in
            (0..<classes).max { scores[row, $0] < scores[row, $1] } ?? 0
        }
    }

    /// Each column's mean and 1 / standard deviation (1 for a constant column).
    static func standardization(_ rows: Matrix) -> (mean: [Float], scale: [Float]) {
        var sums = [Double](repeating: 0, count: rows.columns)
        var squares = [Double](repeating: 0, count: rows.columns)
        for row in 0..<rows.rows {
            for column in 0..<rows.columns {
                let value = Double(rows[row, column])
                sums[column] += value
                squares[column] += value * value
            }
        }
        let count = Double(max(1, rows.rows))
        let mean = sums.map { $0 / count }
        let scale = (0..<rows.columns).map { column -> Float in
            let variance = squares[column] / count - mean[column] * mean[column]
            return variance > 1e-12 ? Float(1 / variance.squareRoot()) : 1
        }
        return (mean.map { Float($0) }, scale)
    }

    private func standardized(_ rows: Matrix) -> Matrix {
        var out = rows
        for row in 0..<rows.rows {
            for column in 0..<rows.columns { out[row, column] = (rows[row, column] - mean[column]) * scale[column] }
        }
        return out
    }

    private func logits(_ inputs: Matrix) -> Matrix {
        var scores = BLAS.product(inputs, weights, transposeB: true)
        for row in 0..<scores.rows {
            for label in 0..<classes { scores[row, label] += bias[label] }
        }
        return scores
    }

    /// Adam on the mean cross-entropy plus the L2 penalty.
    private mutating func fit(_ inputs: Matrix, labels: [Int], settings: Settings) {
        guard inputs.rows > 0, classes > 1 else { return }
        var moments = AdamMoments(count: weights.values.count + classes)
        let share = 1 / Float(inputs.rows)
        for _ in 0..<settings.iterations {
            var errors = Softmax.forward(logits(inputs))
            for (row, label) in labels.enumerated() { errors[row, label] -= 1 }
            let weightGradient = BLAS.product(errors, inputs, transposeA: true, alpha: share)
            var gradient = zip(weightGradient.values, weights.values).map { $0 + settings.l2 * $1 }
            for label in 0..<classes {
                gradient.append((0..<errors.rows).reduce(0) { $0 + errors[$1, label] } * share)
            }
            let step = moments.step(gradient, learningRate: settings.learningRate)
            for index in weights.values.indices { weights.values[index] -= step[index] }
            for label in 0..<classes { bias[label] -= step[weights.values.count + label] }
        }
    }
}

/// Adam's moment estimates (β₁ 0.9, β₂ 0.999, ε 1e-8) for the probe's small fit.
struct AdamMoments {
    private var first: [Float]
    private var second: [Float]
    private var steps = 0

    init(count: Int) {
        first = [Float](repeating: 0, count: count)
        second = [Float](repeating: 0, count: count)
    }

    /// The update to subtract for `gradient`.
    mutating func step(_ gradient: [Float], learningRate: Float) -> [Float] {
        steps += 1
        let correction1 = 1 - pow(0.9, Float(steps))
        let correction2 = 1 - pow(0.999, Float(steps))
        return gradient.indices.map { index in
            first[index] = 0.9 * first[index] + 0.1 * gradient[index]
            second[index] = 0.999 * second[index] + 0.001 * gradient[index] * gradient[index]
            return learningRate * (first[index] / correction1) / ((second[index] / correction2).squareRoot() + 1e-8)
        }
    }
}
