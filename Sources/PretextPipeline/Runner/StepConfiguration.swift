import PretextCore
import PretextStages
import PretextStore

/// A step's configuration hash: the stage, its options, the store settings and the planned
/// input units. A task done with the same hash (and world size) is skipped on a rerun; the
/// step's work area is `STEP/work/HASH-wN`.
enum StepConfiguration {
    /// The hash of step `step` running `stage` with `options` over `units`.
    static func hash(
        stage: String, step: Int, options: StageOptions, execution: StageOptions, units: [any StageUnit]
    ) -> String {
        var text = "stage=\(stage)\nstep=\(step)\noptions=\(options.canonicalDescription)\n"
        for key in ExecutionSettings.storeKeys {
            text += "\(key.spec.name)=\(execution.values[key.spec.name].map { "\($0)" } ?? "")\n"
        }
        for unit in units { text += "unit=\(unit.key)\t\(unit.bytes)\n" }
        return XXH64.hex(XXH64.hash(Array(text.utf8)))
    }

    /// The units of `stage` for `input` over `worldSize` tasks, rank by rank, as the runner
    /// plans them (`Stage.planTasks`).
    static func plannedUnits<S: Stage>(_ stage: S, input: StageInput, worldSize: Int) throws -> [any StageUnit] {
        try stage.planTasks(input, worldSize: worldSize).flatMap { $0 }
    }
}
