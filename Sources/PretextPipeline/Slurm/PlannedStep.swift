import PretextCore
import PretextStages

/// One step of a pipeline as the Slurm planner sees it: the stage built from its options,
/// what it reads, the dataset it writes and the phases it runs before its final pass.
public struct PlannedStep: Sendable {
    /// The step of the pipeline file.
    public let step: PipelineStep
    /// The stage, built from the step's options.
    public let stage: any Stage
    /// What the step reads.
    public let input: StageInput
    /// The step's dataset folder (as the pipeline names it: relative to the current directory
    /// or absolute).
    public let output: String
    /// The phases before the final pass, in order (empty for a stage without phases).
    public let phases: [String]

    /// The steps of `pipeline`, checked as `pretext run` checks them.
    ///
    /// - Throws: `PretextError` for steps that cannot follow each other or a stage that cannot
    ///   be built from its options.
    static func steps(of pipeline: PipelineFile, registry: StageRegistry) throws -> [PlannedStep] {
        try PipelineRunner(registry: registry).plannedSteps(pipeline).map { step, input, output in
            let stage = try registry.make(step.stage, options: step.options)
            return PlannedStep(
                step: step, stage: stage, input: input, output: output,
                phases: try phaseNames(of: stage, options: step.options))
        }
    }

    /// The names of the phases `stage` runs before its final pass.
    ///
    /// The one place the planner asks a stage for its phases. Until `PhasedStage` can name its
    /// phases without planned units (issue 16, part A: `phaseNames()`), it asks for the phases
    /// of no units, which is right for every stage but the audit, whose `history` phase exists
    /// only for a non-empty input: that one is read from the step's `history` option.
    static func phaseNames(of stage: any Stage, options: StageOptions) throws -> [String] {
        guard let phased = stage as? any PhasedStage else { return [] }
        if stage is AuditStage { return options[AuditStage.history] ? ["history"] : [] }
        return try phased.phases(anyUnits: []).map(\.name)
    }
}
