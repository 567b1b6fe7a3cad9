import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext stage NAME --input … --output …`: runs one stage alone.
    struct StageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stage",
            abstract: "Run one stage from an input to an output dataset.",
            discussion: "`pretext stages` lists the stages and their options.")

        @Argument(help: "The stage name.")
        var name: String

        @Option(
            name: .long, help: "Input: files, directories or globs for ingest (repeatable); a dataset for the others.")
        var input: [String] = []

        @Option(name: .long, help: "The output dataset directory.")
        var output: String

        @Option(name: .customLong("set"), help: "A stage option, key=value (repeatable).")
        var settings: [String] = []

        @Option(
            name: .customLong("input-set"),
            help: "An option of every --input of ingest, key=value (format, text_mode, text_key, id_key, source).")
        var inputSettings: [String] = []

        @Option(
            name: .customLong("exec"),
            help: ArgumentHelp(
                "An execution setting, key=value (\(ExecutionSettings.specs.map(\.name).joined(separator: ", "))).")
        )
        var execution: [String] = []

        @OptionGroup var options: RunOptions

        func validate() throws {
            if input.isEmpty { throw ValidationError("give at least one --input") }
            for pair in settings + inputSettings + execution where !pair.contains("=") {
                throw ValidationError("'\(pair)' is not key=value")
            }
        }

        func run() throws {
            try ExitCodes.reporting {
                let registry = StageRegistry.standard
                let descriptor = try registry.descriptor(named: name)
                let stageOptions = try StageOptions(
                    specs: descriptor.options, given: Self.pairs(settings), context: "stage \(name) (--set)")
                let executionOptions = try StageOptions(
                    specs: ExecutionSettings.specs, given: Self.pairs(execution), context: "execution (--exec)")
                let stageInput = try self.stageInput(reads: descriptor.input)
                let report = try PipelineRunner(registry: registry).runStage(
                    name, options: stageOptions, input: stageInput, output: output, execution: executionOptions,
                    settings: options.settings)
                try RunOutcome.finish([report])
            }
        }

        /// The `--input` entries, with the `--input-set` options for a stage that reads files.
        private func stageInput(reads kind: StageDescriptor.InputKind) throws -> StageInput {
            guard kind == .files else {
                guard inputSettings.isEmpty else {
                    throw PretextError(.invalidConfiguration, "--input-set: stage \(name) reads a dataset, not files")
                }
                return .dataset(path: input[0])
            }
            let given = Self.pairs(inputSettings)
            if given.contains(where: { $0.name == InputSpec.path.spec.name }) {
                throw PretextError(.invalidConfiguration, "--input-set: give paths with --input")
            }
            return .files(
                try input.map { path in
                    let options = try StageOptions(
                        specs: InputSpec.specs, given: given + [("path", .scalar(path), nil)],
                        context: "input (--input-set)")
                    return InputSpec(path: path, options: options)
                })
        }

        private static func pairs(_ items: [String]) -> [(name: String, value: RawOptionValue, line: Int?)] {
            items.map { pair in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                return (String(parts[0]), .scalar(parts.count > 1 ? String(parts[1]) : ""), nil)
            }
        }
    }
}
