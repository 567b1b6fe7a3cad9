import PretextCore
import PretextStages

/// One step of a pipeline as the Slurm planner sees it: the stage built from its options,
/// what it reads, the dataset it writes and the phases it runs before its final pass.
struct StepLayout: Sendable {
    /// The step of the pipeline file.
    let step: PipelineStep
    /// The stage, built from the step's options.
    let stage: any Stage
    /// What the step reads.
    let input: StageInput
    /// The step's dataset folder (as the pipeline names it: relative to the current directory
    /// or absolute).
    let output: String
    /// The phases before the final pass, in order (empty for a stage without phases).
    let phases: [String]

    /// The steps of `pipeline`, checked as `pretext run` checks them.
    ///
    /// - Throws: `PretextError` for steps that cannot follow each other or a stage that cannot
    ///   be built from its options.
    static func steps(of pipeline: PipelineFile, registry: StageRegistry) throws -> [StepLayout] {
        try PipelineRunner(registry: registry).plannedSteps(pipeline).map { planned in
            let stage = try registry.make(planned.step.stage, options: planned.step.options)
            return StepLayout(
                step: planned.step, stage: stage, input: planned.input, output: planned.output,
                phases: phaseNames(of: stage))
        }
    }

    /// The names of the phases `stage` runs before its final pass, one job each: those of a
    /// non-empty input (`PhasedStage.phaseNames()`). On an empty input the audit has no
    /// `history` phase; its job then runs and records nothing.
    static func phaseNames(of stage: any Stage) -> [String] {
        (stage as? any PhasedStage)?.phaseNames() ?? []
    }
}
