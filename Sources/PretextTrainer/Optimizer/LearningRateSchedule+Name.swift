import PretextCore

extension LearningRateSchedule {
    /// The Hugging Face `lr_scheduler_type` names this type implements.
    public static let names = ["constant_with_warmup", "cosine", "linear"]

    /// The schedule called `name` as `TrainingArguments.lr_scheduler_type` names it.
    /// - Throws: `.invalidConfiguration` listing the known names for any other name, or for
    ///   negative step counts.
    public init(name: String, warmupSteps: Int, totalSteps: Int) throws {
        guard warmupSteps >= 0, totalSteps >= 0 else {
            throw PretextError(
                .invalidConfiguration,
                "warmup and total steps must be at least 0; got \(warmupSteps) and \(totalSteps)")
        }
        switch name {
        case "constant_with_warmup": self = .constantWithWarmup(warmupSteps: warmupSteps)
        case "linear": self = .linearWithWarmup(warmupSteps: warmupSteps, totalSteps: totalSteps)
        case "cosine": self = .cosineWithWarmup(warmupSteps: warmupSteps, totalSteps: totalSteps)
        default:
            throw PretextError(
                .invalidConfiguration,
                "unknown learning-rate schedule '\(name)'; known: \(Self.names.joined(separator: ", "))")
        }
    }
}
