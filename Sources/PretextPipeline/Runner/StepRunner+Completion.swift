import PretextCore
import PretextStages
import PretextStore
import _PretextFileSystem

extension StepRunner {
    /// The end of a step once its tasks have run, the one place for it (`run`, and `merge` for
    /// tasks run with `--no-merge`): merges the parts once every rank has finished, runs the
    /// stage's step-end work (`StageFinishing`, the audit's report) on the merged dataset, and
    /// removes the work area unless `keep_work`.
    ///
    /// Holds the dataset's merge lock (`parts/.merge.lock`) throughout, so two processes that
    /// finish the step at once never both write its catalog or its step-end results: the second
    /// finds the step merged. Ranks not finished leave `report.waitingFor` set and nothing done.
    func complete(
        dataset: Dataset, input: StageInput, plan: Plan, work: WorkArea?, into report: inout StepReport
    ) throws {
        let stage = S.descriptor.name
        try FileLock.withLock(at: dataset.path("parts/.merge.lock")) {
            let outcome = try DatasetMerger.merge(
                dataset: dataset, step: step, stage: stage, configHash: plan.hash, worldSize: plan.worldSize)
            guard let result = outcome.result else {
                if case .waiting(let ranks) = outcome {
                    report.waitingFor = DatasetMerger.waitingMessage(
                        step: step, stage: stage, ranks: ranks, worldSize: plan.worldSize)
                }
                return
            }
            report.merged = true
            report.ranksMerged = result.mergedRanks
            try finish(
                dataset: dataset, input: input, work: work, worldSize: plan.worldSize,
                wasComplete: result.mergedRanks.isEmpty, into: &report)
            if work != nil, !execution[ExecutionSettings.keepWork] { try StepDirectory.removeWork(dataset.root) }
        }
    }

    /// Runs the stage's step-end work (`StageFinishing`) on the merged dataset; skipped, with
    /// a note, for a step found complete whose work area was already removed (its results
    /// were written by the run that completed it).
    private func finish(
        dataset: Dataset, input: StageInput, work: WorkArea?, worldSize: Int, wasComplete: Bool,
        into report: inout StepReport
    ) throws {
        guard let finishing = stage as? any StageFinishing else { return }
        if wasComplete, let work, !FileSystem.exists(work.root) {
            report.notes = ["step already complete; its work area was removed (keep_work: true keeps it)"]
            return
        }
        report.notes = try finishing.finishStep(dataset: dataset, input: input, work: work, worldSize: worldSize)
    }
}
