/// What one optimizer step did.
public struct StepRecord: Sendable {
    /// The step's number (1 for the first).
    public let step: Int
    /// The mean loss of its batches.
    public let loss: Double
    /// The learning rate it used.
    public let learningRate: Double
    /// The global gradient norm before clipping.
    public let gradientNorm: Double
    /// Real tokens in its batches.
    public let tokens: Int
    /// Its batches' metrics.
    public let metrics: Metrics

    /// The fields of its log line.
    func logFields(tokensPerSecond: Double, elapsed: Double) -> [(String, LogValue)] {
        [
            ("step", .integer(step)), ("loss", .number(loss)), ("learning_rate", .number(learningRate)),
            ("grad_norm", .number(gradientNorm)), ("tokens", .integer(tokens)),
            ("tokens_per_second", .number(tokensPerSecond.rounded())), ("elapsed_seconds", .number(elapsed)),
        ]
    }
}

/// Where a run stands after a step, for a progress line.
public struct TrainingProgress: Sendable {
    /// Steps done in all.
    public let step: Int
    /// Steps to do in all.
    public let steps: Int
    /// The step's loss.
    public let loss: Double
    /// Real tokens per second since this run (or resume) began.
    public let tokensPerSecond: Double
    /// Seconds since this run (or resume) began.
    public let elapsedSeconds: Double
    /// Steps done since this run (or resume) began.
    public let stepsThisRun: Int

    /// The estimated seconds left.
    public var remainingSeconds: Double {
        stepsThisRun == 0 ? 0 : elapsedSeconds / Double(stepsThisRun) * Double(steps - step)
    }
}

/// What a run did and measured.
public struct TrainingSummary: Sendable {
    /// Steps done in all.
    public let steps: Int
    /// Steps done by this run (after a resume, fewer than `steps`).
    public let stepsThisRun: Int
    /// Real tokens trained on by this run.
    public let tokensThisRun: Int
    /// Seconds this run took (evaluations and checkpoints included).
    public let elapsedSeconds: Double
    /// The losses of this run's first and last ten steps.
    public let firstLosses: [Double]
    /// See `firstLosses`.
    public let lastLosses: [Double]
    /// The final evaluation on the held-out examples.
    public let evaluation: Metrics
    /// The linear probe of the trained model (`nil`: none made).
    public let probe: ProbeResult?
    /// The linear probe of the untrained model (`nil` after a resume, or none made).
    public let probeAtStart: ProbeResult?
    /// The run directory.
    public let output: String
}
