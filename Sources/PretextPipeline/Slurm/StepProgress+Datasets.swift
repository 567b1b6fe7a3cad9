import PretextCore
import PretextStages
import PretextStore
import _PretextFileSystem

extension StepProgress {
    /// How far each of `steps` has got, read from their datasets with the checks the runner
    /// makes: a task counts as done only when it was done with the step's configuration hash
    /// and `worldSize`, a phase only with a manifest in the work area of that hash. A step
    /// after one that is not complete is untouched (it has never run with this input).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` for a step whose dataset holds tasks of
    ///   another configuration (a rerun would refuse it); `PretextError` for unreadable
    ///   catalogs or damaged manifests.
    static func read(_ steps: [StepLayout], execution: StageOptions, worldSize: Int) throws -> [StepProgress] {
        var result: [StepProgress] = []
        for planned in steps {
            guard result.last?.merged ?? true else {
                result.append(.untouched)
                continue
            }
            result.append(try read(planned, execution: execution, worldSize: worldSize))
        }
        return result
    }

    /// How far one step has got, its input being complete.
    static func read(_ planned: StepLayout, execution: StageOptions, worldSize: Int) throws -> StepProgress {
        guard FileSystem.exists(FileSystem.join(planned.output, Dataset.catalogName)) else { return .untouched }
        let step = planned.step
        let units = try StepConfiguration.plannedUnits(planned.stage, input: planned.input, worldSize: worldSize)
        let hash = StepConfiguration.hash(
            stage: step.stage, step: step.index, options: step.options, execution: execution, units: units)
        let status = try StepStatus(
            dataset: try Dataset.open(at: planned.output), step: step.index, stage: step.stage, configHash: hash,
            worldSize: worldSize)
        if let run = status.conflictingRun {
            throw PretextError(
                .invalidConfiguration,
                "step \(step.index) (\(step.stage)): the dataset holds tasks done with another configuration or "
                    + "world size (rank \(run.rank) of \(run.worldSize)); delete it, or rerun the step with "
                    + "`pretext run --overwrite`, before submitting",
                path: planned.output)
        }
        let work = WorkArea(root: FileSystem.join(StepDirectory.workDirectory(planned.output), "\(hash)-w\(worldSize)"))
        var phaseRanks: [String: Set<Int>] = [:]
        for phase in planned.phases {
            let missing = Set(try work.missingRanks(phase: phase, worldSize: worldSize))
            phaseRanks[phase] = Set((0..<worldSize).filter { !missing.contains($0) })
        }
        return StepProgress(
            merged: status.ranks(.merged).count == worldSize, doneRanks: status.doneRanks, phaseRanks: phaseRanks)
    }
}
