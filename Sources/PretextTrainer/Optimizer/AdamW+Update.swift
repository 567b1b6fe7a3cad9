#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The per-step scalars of an AdamW update, rounded to `Float` once.
struct AdamWStepFactors {
    /// `1 − lr · wd`, the decoupled weight decay factor.
    var decay: Float
    var beta1: Float
    var oneMinusBeta1: Float
    var beta2: Float
    var oneMinusBeta2: Float
    /// `lr / (1 − β1^t)`.
    var stepSize: Float
    /// `√(1 − β2^t)`.
    var rootBiasCorrection2: Float
    var epsilon: Float

    /// The factors of step `step` (1-based) at `learningRate`, computed in `Double` as torch
    /// computes its Python floats.
    init(_ configuration: AdamWConfiguration, learningRate: Double, step: Int) {
        let t = Double(step)
        decay = Float(1 - learningRate * configuration.weightDecay)
        beta1 = Float(configuration.beta1)
        oneMinusBeta1 = Float(1 - configuration.beta1)
        beta2 = Float(configuration.beta2)
        oneMinusBeta2 = Float(1 - configuration.beta2)
        stepSize = Float(learningRate / (1 - pow(configuration.beta1, t)))
        rootBiasCorrection2 = Float((1 - pow(configuration.beta2, t)).squareRoot())
        epsilon = Float(configuration.epsilon)
    }
}

extension AdamW {
    /// Updates one parameter and its moments in a single pass over the four arrays.
    static func update(_ parameter: Parameter, _ moments: inout AdamWMoments, _ f: AdamWStepFactors, decay: Float) {
        let gradient = parameter.gradient
        gradient.withUnsafeBufferPointer { g in
            parameter.value.withUnsafeMutableBufferPointer { p in
                moments.first.withUnsafeMutableBufferPointer { m in
                    moments.second.withUnsafeMutableBufferPointer { v in
                        update(p, g, m, v, f, decay: decay)
                    }
                }
            }
        }
    }

    /// The fused loop over one parameter's values `p`, gradient `g` and moments `m`, `v`.
    ///
    /// All four buffers have the parameter's count: `AdamW` creates the moments from the
    /// parameter's shape, `restore(_:)` checks imported ones, and `Parameter` keeps value and
    /// gradient the same size. Indexing within `0..<p.count` is therefore in bounds of each.
    private static func update(
        _ p: UnsafeMutableBufferPointer<Float>, _ g: UnsafeBufferPointer<Float>,
        _ m: UnsafeMutableBufferPointer<Float>, _ v: UnsafeMutableBufferPointer<Float>,
        _ f: AdamWStepFactors, decay: Float
    ) {
        precondition(g.count == p.count && m.count == p.count && v.count == p.count, "AdamW buffers of one size")
        for i in 0..<p.count {
            let gi = g[i]
            let mi = f.beta1 * m[i] + f.oneMinusBeta1 * gi
            let vi = f.beta2 * v[i] + f.oneMinusBeta2 * gi * gi
            m[i] = mi
            v[i] = vi
            let denominator = vi.squareRoot() / f.rootBiasCorrection2 + f.epsilon
            p[i] = p[i] * decay - f.stepSize * (mi / denominator)
        }
    }
}
