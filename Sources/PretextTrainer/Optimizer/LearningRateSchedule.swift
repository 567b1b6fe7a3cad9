#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A learning-rate multiplier per optimizer step, as the Hugging Face schedules compute it.
///
/// `multiplier(at:)` is the `lr_lambda` of `transformers.optimization` for `step` updates taken
/// so far, so update `n` (counting from 0) uses `multiplier(at: n)`, as `LambdaLR` does: with
/// warmup, the very first update has learning rate 0.
///
/// - `constantWithWarmup`: `s / max(1, w)` while `s < w`, then 1
///   (`get_constant_schedule_with_warmup`).
/// - `linearWithWarmup`: `s / max(1, w)` while `s < w`, then
///   `max(0, (T − s) / max(1, T − w))` (`get_linear_schedule_with_warmup`).
/// - `cosineWithWarmup`: `s / max(1, w)` while `s < w`, then with
///   `p = (s − w) / max(1, T − w)`, `max(0, ½ (1 + cos(π · 2c · p)))`; `c = 0.5` is half a cosine
///   from 1 down to 0 (`get_cosine_schedule_with_warmup`).
public enum LearningRateSchedule: Sendable, Equatable {
    /// Linear warmup over `warmupSteps`, then constant.
    case constantWithWarmup(warmupSteps: Int)
    /// Linear warmup over `warmupSteps`, then linear decay to 0 at `totalSteps`.
    case linearWithWarmup(warmupSteps: Int, totalSteps: Int)
    /// Linear warmup over `warmupSteps`, then cosine decay over `cycles` cycles (0.5: to 0 at
    /// `totalSteps`).
    case cosineWithWarmup(warmupSteps: Int, totalSteps: Int, cycles: Double = 0.5)

    /// The factor applied to the base learning rate after `step` updates.
    public func multiplier(at step: Int) -> Double {
        switch self {
        case .constantWithWarmup(let warmup):
            return step < warmup ? Self.warmup(step, warmup) : 1
        case .linearWithWarmup(let warmup, let total):
            if step < warmup { return Self.warmup(step, warmup) }
            return max(0, Double(total - step) / Double(max(1, total - warmup)))
        case .cosineWithWarmup(let warmup, let total, let cycles):
            if step < warmup { return Self.warmup(step, warmup) }
            let progress = Double(step - warmup) / Double(max(1, total - warmup))
            return max(0, 0.5 * (1 + cos(Double.pi * cycles * 2 * progress)))
        }
    }

    /// `base` times the multiplier after `step` updates.
    public func learningRate(base: Double, at step: Int) -> Double {
        base * multiplier(at: step)
    }

    /// The warmup ramp `step / max(1, warmup)`.
    private static func warmup(_ step: Int, _ warmup: Int) -> Double {
        Double(step) / Double(max(1, warmup))
    }
}
