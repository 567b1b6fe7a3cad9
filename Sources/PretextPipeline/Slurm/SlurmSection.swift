import PretextCore

/// A pipeline's `execution.slurm` section: settings for every job, and per-step overrides
/// under `steps:` keyed by a stage name (every step of that stage), a step number, or `train`.
///
/// ```yaml
/// execution:
///   slurm:
///     tasks: 4
///     mem: 2G
///     steps:
///       dedupe: {mem: 8G}        # every dedupe step
///       "10": {time: "2:00:00"}  # step 10
/// ```
public struct SlurmSection: Sendable, Equatable {
    /// One entry of `steps:`.
    public struct StepOverride: Sendable, Equatable {
        /// The key: a stage name, a step number, or `train`.
        public var selector: String
        /// The settings it gives.
        public var settings: SlurmSettings
        /// The line of the key in the pipeline file, if it came from one.
        public var line: Int?

        /// Creates an override.
        public init(selector: String, settings: SlurmSettings, line: Int? = nil) {
            self.selector = selector
            self.settings = settings
            self.line = line
        }
    }

    /// The settings of `execution.slurm` itself.
    public var settings: SlurmSettings
    /// The `steps:` entries, in file order.
    public var steps: [StepOverride]

    /// Creates a section; the default has no settings.
    public init(settings: SlurmSettings = SlurmSettings(), steps: [StepOverride] = []) {
        self.settings = settings
        self.steps = steps
    }

    /// The selector of the training job in `steps:`.
    public static let trainSelector = "train"

    /// The settings of the jobs of `step` (`nil`: the training job): the section's, then the
    /// overrides for the step's stage name, then the one for its number, then `flags`.
    public func settings(for step: PipelineStep?, flags: SlurmSettings) -> SlurmSettings {
        var result = settings
        let byName = step?.stage ?? Self.trainSelector
        for override in steps where override.selector == byName {
            result = result.overridden(by: override.settings)
        }
        if let step {
            for override in steps where Int(override.selector) == step.index {
                result = result.overridden(by: override.settings)
            }
        }
        return result.overridden(by: flags)
    }

    /// Checks that every `steps:` key names a step of the pipeline.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the file and the key's line,
    ///   listing the stage names and step numbers that are valid.
    public func checkSelectors(steps pipelineSteps: [PipelineStep], hasTraining: Bool, path: String) throws {
        let names = Set(pipelineSteps.map(\.stage))
        for override in steps {
            if let number = Int(override.selector), (1...pipelineSteps.count).contains(number) { continue }
            if names.contains(override.selector) { continue }
            if hasTraining, override.selector == Self.trainSelector { continue }
            var valid = pipelineSteps.map(\.stage).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if hasTraining { valid.append(Self.trainSelector) }
            throw PretextError(
                .invalidConfiguration,
                "execution.slurm.steps: '\(override.selector)' names no step of this pipeline; use a stage name ("
                    + valid.joined(separator: ", ") + ") or a step number 1–\(pipelineSteps.count)",
                path: path, line: override.line)
        }
    }
}
