import PretextCore

/// AdamW, as `torch.optim.AdamW` computes it (`amsgrad=False`, `maximize=False`).
///
/// For each parameter `p` with gradient `g`, at step `t` (1 for the first update) and learning
/// rate `lr`:
///
///     p ← p · (1 − lr · wd)                      (only where `decays`)
///     m ← β1 · m + (1 − β1) · g
///     v ← β2 · v + (1 − β2) · g²
///     p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
///
/// The scalar factors are computed in `Double` and rounded to `Float` once per step, as torch
/// computes its Python-float factors; the per-element work is one fused `Float` loop per
/// parameter (`AdamW+Update.swift`). Results agree with torch to `Float` rounding, not bit for
/// bit: torch's vectorized kernels use fused multiply-adds on some CPUs.
///
/// Repeated instances of a parameter (tied weights) are updated once. The moments start at zero;
/// `state` and `restore(_:)` carry them across a checkpoint.
///
/// ```swift
/// var optimizer = try AdamW(parameters: model.parameters)
/// optimizer.update(learningRate: schedule.learningRate(base: 5e-4, at: optimizer.step))
/// ```
public struct AdamW: Sendable {
    /// The hyperparameters other than the learning rate.
    public let configuration: AdamWConfiguration
    /// The parameters updated, each instance once, in first-seen order.
    public let parameters: [Parameter]
    /// The number of updates taken so far.
    public internal(set) var step = 0
    /// The moments of `parameters[i]` at index `i`.
    var moments: [AdamWMoments]

    /// An optimizer over `parameters` with zero moments.
    /// - Throws: `.invalidConfiguration` when two different parameters share a name (the state
    ///   is keyed by name) or a hyperparameter is out of range.
    public init(parameters: [Parameter], configuration: AdamWConfiguration = AdamWConfiguration()) throws {
        try Self.validate(configuration)
        self.parameters = parameters.distinctInstances
        try Self.checkNamesAreUnique(self.parameters)
        self.configuration = configuration
        self.moments = self.parameters.map { AdamWMoments(shape: $0.shape) }
    }

    /// Applies one update to every parameter from its current gradient.
    /// - Parameter learningRate: this step's learning rate (the schedule's value).
    /// - Complexity: O(total parameter count), one pass over each parameter's arrays.
    public mutating func update(learningRate: Double) {
        step += 1
        let factors = AdamWStepFactors(configuration, learningRate: learningRate, step: step)
        for index in parameters.indices {
            let parameter = parameters[index]
            let decay = parameter.decays ? factors.decay : 1
            Self.update(parameter, &moments[index], factors, decay: decay)
        }
    }

    /// Throws for betas outside [0, 1), a negative epsilon or weight decay.
    private static func validate(_ configuration: AdamWConfiguration) throws {
        let betas = [configuration.beta1, configuration.beta2]
        guard betas.allSatisfy({ $0 >= 0 && $0 < 1 }), configuration.epsilon >= 0, configuration.weightDecay >= 0
        else {
            throw PretextError(
                .invalidConfiguration,
                "AdamW needs betas in [0, 1) and a non-negative epsilon and weight decay; got \(configuration)")
        }
    }

    /// Throws when two parameters share a name.
    private static func checkNamesAreUnique(_ parameters: [Parameter]) throws {
        var names = Set<String>()
        for parameter in parameters where !names.insert(parameter.name).inserted {
            throw PretextError(
                .invalidConfiguration,
                "two different parameters are named '\(parameter.name)'; give each a unique name or share one instance")
        }
    }
}
