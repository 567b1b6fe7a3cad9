import PretextStore

/// A stage with work to do once its whole dataset is merged (the audit writes its report
/// from every rank's partial counts). Called by the process that merges the step, after the
/// merge; must be idempotent (a rerun of a finished step calls it again).
public protocol StageFinishing: Stage {
    /// Finishes the step over the merged `dataset`, written from `input`.
    ///
    /// - Returns: lines for the run's output (a summary, where the report is).
    func finishStep(dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int) throws -> [String]
}
