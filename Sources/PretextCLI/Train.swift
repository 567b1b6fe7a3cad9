import ArgumentParser
import Pretext
import _PretextFileSystem

extension PretextCommand {
    /// `pretext train EXAMPLES --output DIR`: trains a model on an examples dataset.
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train a model on an examples dataset (mlm → BERT, causal_lm → GPT-2); see docs/trainer.md.",
            discussion: """
                Options (--set key=value): \(TrainingOptions.specs.map(\.name).joined(separator: ", ")). \
                The output directory receives the model as transformers' from_pretrained reads it \
                (model.safetensors, config.json, tokenizer), checkpoint-NNNNNN/ directories and log.jsonl. \
                Running again with the same options resumes from the latest checkpoint.
                """)

        @OptionGroup var input: DatasetArgument

        @Option(name: .long, help: "The run directory.")
        var output: String

        @Option(name: .customLong("set"), help: "A training option, key=value (repeatable).")
        var settings: [String] = []

        @Option(help: "A checkpoint directory to resume from (default: the latest matching one in --output).")
        var resume: String?

        @Flag(help: "Delete the run directory first.")
        var overwrite = false

        func validate() throws {
            for pair in settings where !pair.contains("=") { throw ValidationError("'\(pair)' is not key=value") }
        }

        func run() throws {
            try ExitCodes.reporting {
                let given = settings.map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                    return (name: String(parts[0]), value: RawOptionValue.scalar(String(parts[1])), line: Int?.none)
                }
                let options = try StageOptions(specs: TrainingOptions.specs, given: given, context: "train (--set)")
                if overwrite, FileSystem.exists(output) { try FileSystem.removeTree(output) }
                try TrainingRun(examples: input.dataset, options: options, output: output).run(resume: resume)
            }
        }
    }
}
