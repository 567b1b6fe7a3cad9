@testable import PretextTrainer

/// Central finite differences of a scalar loss, for checking hand-written backward passes.
///
/// The loss of a layer's output is `sum(output ⊙ weights)` for fixed random weights, so its
/// gradient with respect to the output is `weights`: the backward pass gets `weights` as
/// `gradOutput`, and what it returns is compared with `numericGradient`.
enum GradientCheck {
    /// The step: large enough that Float32 rounding of a loss of size ~10 stays near 1e-4 of the
    /// difference quotient, small enough that the O(step²) truncation error is as small.
    static let step: Float = 1e-2

    /// `sum(output ⊙ weights)`, summed in `Double`.
    static func weightedSum(_ output: Matrix, _ weights: Matrix) -> Double {
        precondition(output.count == weights.count, "output and weights of one size")
        var sum = 0.0
        for index in 0..<output.count { sum += Double(output.values[index]) * Double(weights.values[index]) }
        return sum
    }

    /// The gradient of `loss` with respect to `count` values, where `perturb(index, delta)` adds
    /// `delta` to value `index`: `(loss(x + h) − loss(x − h)) / 2h`, each value restored after.
    static func numericGradient(
        count: Int, step: Float = step, perturb: (Int, Float) -> Void, loss: () -> Double
    ) -> [Float] {
        (0..<count).map { index in
            perturb(index, step)
            let plus = loss()
            perturb(index, -2 * step)
            let minus = loss()
            perturb(index, step)
            return Float((plus - minus) / (2 * Double(step)))
        }
    }

    /// The numeric gradient with respect to `parameter`'s values.
    static func numericGradient(of parameter: Parameter, step: Float = step, loss: () -> Double) -> [Float] {
        numericGradient(count: parameter.count, step: step, perturb: { parameter.value[$0] += $1 }, loss: loss)
    }
}
