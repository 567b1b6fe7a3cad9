import PretextCore
import PretextFormats
import PretextStages
import _PretextFileSystem

extension PipelineFile {
    /// Checks that every step after the first reads a dataset: a stage reading raw files
    /// (`ingest`) must be the first step. The parser calls this, so such a file fails its
    /// check before anything runs.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the pipeline file and the line
    ///   of the first such step.
    public func checkStepOrder(registry: StageRegistry = .standard) throws {
        for step in steps.dropFirst() {
            if try registry.descriptor(named: step.stage).input == .files { throw notFirst(step) }
        }
    }

    /// What each step reads, in step order: the pipeline's inputs for the first step (raw
    /// files for `ingest`, one dataset directory otherwise), the dataset of the step before
    /// for every later one. The runner calls this before it writes anything.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the pipeline file and the step's
    ///   line: a stage reading raw files that is not the first step, a first step reading
    ///   files without `inputs`, a first step reading a dataset without exactly one input.
    public func stepInputs(registry: StageRegistry = .standard) throws -> [StageInput] {
        var inputs: [StageInput] = []
        var previous: PipelineStep?
        for step in steps {
            inputs.append(try input(of: step, after: previous, registry: registry))
            previous = step
        }
        return inputs
    }

    /// The directory of `step`'s dataset: `OUTPUT/NN-STAGE`.
    public func stepOutput(_ step: PipelineStep) -> String {
        FileSystem.join(output, step.directoryName)
    }

    /// Checks that every input of the first step is there: each path exists and each glob
    /// matches something (the dataset directory of a first step that reads a dataset).
    /// Cheap: directories are not walked. `PipelineRunner.run` calls this before it creates
    /// the output folder.
    ///
    /// - Throws: `PretextError(.notFound)` naming the pipeline file, the line of the input
    ///   and the input.
    public func checkInputsExist() throws {
        guard let first = steps.first else { return }
        for input in inputs {
            do {
                try InputResolver.checkExists(input.path)
            } catch {
                throw PretextError(
                    .notFound, "input '\(input.path)': \(error.message)", path: path, line: input.line ?? first.line)
            }
        }
    }

    private func input(
        of step: PipelineStep, after previous: PipelineStep?, registry: StageRegistry
    ) throws
        -> StageInput
    {
        let descriptor = try registry.descriptor(named: step.stage)
        switch (descriptor.input, previous) {
        case (.files, nil):
            guard !inputs.isEmpty else {
                throw PretextError(
                    .invalidConfiguration, "stage '\(step.stage)' reads files, but the pipeline has no 'inputs'",
                    path: path, line: step.line)
            }
            return .files(inputs)
        case (.files, _?):
            throw notFirst(step)
        case (.dataset, let previous?):
            return .dataset(path: stepOutput(previous))
        case (.dataset, nil):
            guard inputs.count == 1 else {
                throw PretextError(
                    .invalidConfiguration,
                    "the first stage '\(step.stage)' reads a dataset: give exactly one input, the dataset directory",
                    path: path, line: step.line)
            }
            return .dataset(path: inputs[0].path)
        }
    }

    /// The error for `step`, which reads raw files but is not the first step.
    private func notFirst(_ step: PipelineStep) -> PretextError {
        PretextError(
            .invalidConfiguration, "step \(step.index) (\(step.stage)) reads raw files; it must be the first step",
            path: path, line: step.line)
    }
}
