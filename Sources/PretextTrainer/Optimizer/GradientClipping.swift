/// Gradient clipping by global norm, as `torch.nn.utils.clip_grad_norm_` with the L2 norm.
///
/// The total norm is the L2 norm of all gradients together (the norm of the per-parameter
/// norms); when it exceeds `maxNorm` every gradient is multiplied by
/// `maxNorm / (norm + 1e-6)`, else left as is (torch multiplies by the coefficient clamped to 1,
/// which is the same). Sums of squares are accumulated in `Double`, so the norm is at least as
/// accurate as torch's `Float` reduction. Like torch's default (`error_if_nonfinite=False`), a
/// NaN or infinite norm is returned, not thrown; the caller decides whether to skip the step.
public enum GradientClipping {
    /// The global L2 norm of the gradients of `parameters` (each instance counted once).
    /// - Complexity: O(total parameter count).
    public static func globalNorm(_ parameters: [Parameter]) -> Double {
        var sum = 0.0
        for parameter in parameters.distinctInstances { sum += squaredNorm(parameter.gradient) }
        return sum.squareRoot()
    }

    /// Scales the gradients so that their global norm is at most about `maxNorm`.
    /// - Returns: the global norm before clipping, as torch returns it.
    @discardableResult
    public static func clip(_ parameters: [Parameter], maxNorm: Double) -> Double {
        let norm = globalNorm(parameters)
        let coefficient = maxNorm / (norm + 1e-6)
        if coefficient < 1 {
            GradientAccumulation.scale(parameters, by: Float(coefficient))
        }
        return norm
    }

    /// The sum of squares of `values`, accumulated in `Double`.
    static func squaredNorm(_ values: [Float]) -> Double {
        values.withUnsafeBufferPointer { buffer in
            var sum = 0.0
            for value in buffer {
                let x = Double(value)
                sum += x * x
            }
            return sum
        }
    }
}
