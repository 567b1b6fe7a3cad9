/// Gradient accumulation over micro-batches.
///
/// Backward passes add into `Parameter.gradient`, so running `k` micro-batches before an
/// optimizer step sums their gradients. The Hugging Face `Trainer` divides each micro-batch's
/// loss by `gradient_accumulation_steps` so the sum is a mean; here the gradients are divided
/// once after the last micro-batch instead (`average(_:over:)`), which is the same up to
/// `Float` rounding and costs one pass instead of `k`. Call it before clipping, as the
/// `Trainer` clips the averaged gradient.
public enum GradientAccumulation {
    /// Divides every gradient by `microBatches`, turning the accumulated sum into the mean.
    public static func average(_ parameters: [Parameter], over microBatches: Int) {
        precondition(microBatches > 0, "at least one micro-batch")
        guard microBatches > 1 else { return }
        let divisor = Float(microBatches)
        for parameter in parameters.distinctInstances {
            parameter.gradient.withUnsafeMutableBufferPointer { gradient in
                for i in gradient.indices { gradient[i] /= divisor }
            }
        }
    }

    /// Multiplies every gradient by `factor` (each instance of a tied parameter once).
    public static func scale(_ parameters: [Parameter], by factor: Float) {
        for parameter in parameters.distinctInstances {
            parameter.gradient.withUnsafeMutableBufferPointer { gradient in
                for i in gradient.indices { gradient[i] *= factor }
            }
        }
    }
}
