import PretextCore
import PretextLoader
import _PretextFileSystem

extension Trainer {
    /// The weights' file name (`from_pretrained` reads it).
    public static let modelFileName = "model.safetensors"
    /// The optimizer state's file name.
    public static let optimizerFileName = "optimizer.safetensors"

    /// Writes a checkpoint: the model as `from_pretrained` reads it (weights, `config.json`, the
    /// tokenizer) plus the optimizer's moments and `trainer_state.json`.
    public func saveCheckpoint(to directory: String) throws {
        try saveModel(to: directory)
        try optimizerState().write(to: FileSystem.join(directory, Self.optimizerFileName))
        try TrainerState(
            step: step, tokensSeen: tokensSeen, loader: loaderState().json, examples: examples,
            options: optionsDescription
        ).write(toDirectory: directory)
    }

    /// Writes the model as `from_pretrained` reads it: `model.safetensors`, `config.json` and
    /// the examples' tokenizer files.
    public func saveModel(to directory: String) throws {
        try FileSystem.createDirectory(directory)
        let metadata = ["pretext_step": String(step)]
        try SafetensorsFile(parameters: model.parameters, metadata: metadata)
            .write(to: FileSystem.join(directory, Self.modelFileName))
        try model.configurationFile.write(toDirectory: directory)
        try copyTokenizer(to: directory)
    }

    /// Continues the run of the checkpoint `directory`: weights, optimizer moments and step,
    /// the loader's position and the tokens seen, so the next steps are those an uninterrupted
    /// run would have taken.
    /// - Throws: `.invalidConfiguration` when the checkpoint was written with other options or
    ///   examples; the readers' errors for missing or damaged files.
    public func resume(from directory: String) throws {
        let state = try TrainerState(directory: directory)
        guard state.options == optionsDescription, state.examples == examples else {
            throw PretextError(
                .invalidConfiguration,
                "the checkpoint was written by a run with other options or examples (\(state.options) on "
                    + "\(state.examples)); resume with the same ones",
                path: FileSystem.join(directory, TrainerState.fileName))
        }
        try SafetensorsFile(contentsOf: FileSystem.join(directory, Self.modelFileName)).assign(to: model.parameters)
        try restoreOptimizer(
            try AdamWState(SafetensorsFile(contentsOf: FileSystem.join(directory, Self.optimizerFileName))))
        try resumeLoader(from: try LoaderState(json: state.loader))
        restoreProgress(step: state.step, tokensSeen: state.tokensSeen)
    }

    /// Whether the checkpoint `directory` was written by a run with this one's options and
    /// examples (so `resume(from:)` accepts it).
    public func matches(checkpoint directory: String) throws -> Bool {
        let state = try TrainerState(directory: directory)
        return state.options == optionsDescription && state.examples == examples
    }

    /// Copies the files of the examples' `tokenizer/` folder into `directory`.
    private func copyTokenizer(to directory: String) throws {
        let source = FileSystem.join(examples, "tokenizer")
        guard FileSystem.isDirectory(source) else { return }
        for name in try FileSystem.listDirectory(source) where !name.hasPrefix(".") {
            try FileSystem.copyFile(FileSystem.join(source, name), to: FileSystem.join(directory, name))
        }
    }
}
