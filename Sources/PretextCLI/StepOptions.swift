import ArgumentParser
import Pretext

/// The flags of `pretext run` that run one step, or one phase of a step, alone: a task of a
/// job that runs each step (and phase) as its own job (`pretext slurm`, docs/pipelines.md).
struct StepOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Run only this step: its number (as in NN-stage), or 'train' for the train: section; "
                + "the steps before it must be complete.", valueName: "number|train"))
    var step: StepChoice?

    @Option(help: "Run only this phase of the step's phased stage (dedupe, tokenizer, audit); needs --step.")
    var phase: String?

    @Flag(
        name: .customLong("no-merge"),
        help: "Write this process's tasks' parts and stop without merging the step; `pretext merge` merges it.")
    var noMerge = false

    func validate() throws {
        if step == nil, phase != nil { throw ValidationError("--phase needs --step") }
        if step == nil, noMerge { throw ValidationError("--no-merge needs --step") }
        if step == .train, phase != nil { throw ValidationError("--phase is for a pipeline step, not train") }
    }

    /// `settings` restricted to the chosen step (a number; `train` runs no step).
    func restricting(_ settings: RunSettings) -> RunSettings {
        var settings = settings
        if case .number(let number) = step { settings.step = number }
        settings.phase = phase
        settings.merges = !noMerge
        return settings
    }
}

/// What `--step` names: a step of the pipeline, or its `train:` section.
enum StepChoice: ExpressibleByArgument, Equatable {
    /// The step with this 1-based number.
    case number(Int)
    /// The `train:` section.
    case train

    init?(argument: String) {
        if argument == "train" {
            self = .train
        } else if let number = Int(argument), number >= 1 {
            self = .number(number)
        } else {
            return nil
        }
    }
}
