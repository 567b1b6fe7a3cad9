/// The hyperparameters of `AdamW` other than the learning rate, which the schedule gives per step.
///
/// The defaults are `torch.optim.AdamW`'s betas and the Hugging Face `Trainer`'s epsilon
/// (`adam_epsilon` 1e-8); the weight decay default is 0.01 (torch's default; the `Trainer`'s
/// is 0). Weight decay applies only to parameters whose `decays` is set.
public struct AdamWConfiguration: Sendable, Equatable {
    /// The decay rate of the first moment (torch `betas[0]`).
    public var beta1: Double
    /// The decay rate of the second moment (torch `betas[1]`).
    public var beta2: Double
    /// Added to the bias-corrected root of the second moment (torch `eps`).
    public var epsilon: Double
    /// The decoupled weight decay coefficient (torch `weight_decay`).
    public var weightDecay: Double

    /// A configuration; every value has torch's or the `Trainer`'s default.
    public init(beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0.01) {
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }
}
