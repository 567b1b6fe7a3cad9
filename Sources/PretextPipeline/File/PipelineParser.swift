import PretextCore
import PretextStages
import PretextTrainer
import Yams
import _PretextFileSystem

/// Reads a pipeline file and checks it against the stage registry.
///
/// Every error names the file and the line: an unknown top-level key, stage name or option
/// lists the valid ones, and a value of the wrong type says what was expected.
public struct PipelineParser: Sendable {
    private let registry: StageRegistry

    /// Creates a parser that knows the stages of `registry`.
    public init(registry: StageRegistry = .standard) { self.registry = registry }

    private static let topLevelKeys = ["name", "output", "inputs", "execution", "stages", "train"]

    /// Parses the YAML text of a pipeline file.
    ///
    /// - Parameters:
    ///   - text: the YAML.
    ///   - path: the file's path, used in messages and for the default name.
    /// - Throws: `PretextError(.invalidConfiguration)` naming `path` and the line.
    public func parse(_ text: String, path: String) throws -> PipelineFile {
        let root = try compose(text, path: path)
        guard let mapping = root?.mapping else {
            throw PretextError(
                .invalidConfiguration, "a pipeline file must be a YAML mapping with 'output' and 'stages'", path: path,
                line: root?.mark?.line)
        }
        let entries = try keyed(mapping, allowed: Self.topLevelKeys, context: "pipeline", path: path)
        let name = try entries["name"].map { try scalar($0, "name", path: path) } ?? baseName(path)
        guard let outputNode = entries["output"] else {
            throw PretextError(
                .invalidConfiguration, "the pipeline has no 'output' directory", path: path, line: mapping.mark?.line)
        }
        let output = try scalar(outputNode, "output", path: path)
        let inputs = try entries["inputs"].map { try parseInputs($0, path: path) } ?? []
        let (execution, slurm) = try parseExecution(entries["execution"], path: path)
        guard let stagesNode = entries["stages"] else {
            throw PretextError(
                .invalidConfiguration, "the pipeline has no 'stages' list", path: path, line: mapping.mark?.line)
        }
        let steps = try parseSteps(stagesNode, path: path)
        let training = try entries["train"].map {
            try parseOptions($0, specs: TrainingOptions.specs, context: "train", path: path)
        }
        try slurm.checkSelectors(steps: steps, hasTraining: training != nil, path: path)
        let file = PipelineFile(
            path: path, name: name, output: output, inputs: inputs, execution: execution, steps: steps,
            training: training, slurm: slurm)
        try file.checkStepOrder(registry: registry)
        return file
    }

    /// Reads and parses the pipeline file at `path`.
    public func parseFile(at path: String) throws -> PipelineFile {
        try parse(try FileText.read(path), path: path)
    }

    // MARK: sections

    private func parseInputs(_ node: Node, path: String) throws -> [InputSpec] {
        guard let items = node.sequence else {
            throw PretextError(
                .invalidConfiguration, "'inputs' must be a list of paths or mappings", path: path, line: node.mark?.line
            )
        }
        return try items.map { item in
            if item.mapping == nil {
                let text = try scalar(item, "inputs entry", path: path)
                return InputSpec(
                    path: text,
                    options: try StageOptions(
                        specs: InputSpec.specs, given: [("path", .scalar(text), item.mark?.line)], context: "input",
                        path: path),
                    line: item.mark?.line)
            }
            let options = try parseOptions(item, specs: InputSpec.specs, context: "input", path: path)
            return InputSpec(path: options[InputSpec.path], options: options, line: item.mark?.line)
        }
    }

    private func parseSteps(_ node: Node, path: String) throws -> [PipelineStep] {
        guard let items = node.sequence, !items.isEmpty else {
            throw PretextError(
                .invalidConfiguration, "'stages' must be a non-empty list", path: path, line: node.mark?.line)
        }
        return try items.enumerated().map { offset, item in
            try parseStep(item, index: offset + 1, path: path)
        }
    }

    private func parseStep(_ node: Node, index: Int, path: String) throws -> PipelineStep {
        guard let mapping = node.mapping, let nameNode = mapping["stage"] else {
            throw PretextError(
                .invalidConfiguration, "stage \(index): each entry needs 'stage: NAME'", path: path,
                line: node.mark?.line)
        }
        let name = try scalar(nameNode, "stage", path: path)
        let descriptor = try registry.descriptor(named: name, path: path, line: nameNode.mark?.line)
        var given: [(name: String, value: RawOptionValue, line: Int?)] = []
        for (key, value) in mapping {
            let keyText = try scalar(key, "option name", path: path)
            if keyText == "stage" { continue }
            given.append((keyText, try raw(value, keyText, path: path), key.mark?.line))
        }
        let options = try StageOptions(
            specs: descriptor.options, given: given, context: "stage \(index) (\(name))", path: path)
        return PipelineStep(index: index, stage: name, options: options, line: node.mark?.line)
    }

    private func parseOptions(_ node: Node?, specs: [OptionSpec], context: String, path: String) throws -> StageOptions
    {
        let given = try node.map { try givenValues($0, context: context, path: path) } ?? []
        return try StageOptions(specs: specs, given: given, context: context, path: path)
    }

    /// The keys of the mapping `node` with their raw values and lines.
    func givenValues(
        _ node: Node, context: String, path: String
    ) throws -> [(
        name: String, value: RawOptionValue, line: Int?
    )] {
        guard let mapping = node.mapping else {
            throw PretextError(
                .invalidConfiguration, "'\(context)' must be a mapping", path: path, line: node.mark?.line)
        }
        return try mapping.map { key, value in
            let keyText = try scalar(key, "option name", path: path)
            return (keyText, try raw(value, keyText, path: path), key.mark?.line)
        }
    }

    // MARK: nodes

    private func compose(_ text: String, path: String) throws -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PretextError(
                .invalidConfiguration, "not valid YAML: \(Self.summary(of: error))", path: path,
                line: Self.line(of: error))
        }
    }

    private func keyed(
        _ mapping: Node.Mapping, allowed: [String], context: String, path: String
    ) throws -> [String: Node] {
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            let name = try scalar(key, "key", path: path)
            guard allowed.contains(name) else {
                throw PretextError(
                    .invalidConfiguration,
                    "\(context): unknown key '\(name)'; valid keys: \(allowed.joined(separator: ", "))",
                    path: path, line: key.mark?.line)
            }
            result[name] = value
        }
        return result
    }

    func scalar(_ node: Node, _ what: String, path: String) throws -> String {
        guard let scalar = node.scalar else {
            throw PretextError(
                .invalidConfiguration, "'\(what)' must be a single value", path: path, line: node.mark?.line)
        }
        return scalar.string
    }

    func raw(_ node: Node, _ what: String, path: String) throws -> RawOptionValue {
        if let items = node.sequence {
            return .sequence(try items.map { try scalar($0, what, path: path) })
        }
        return .scalar(try scalar(node, what, path: path))
    }

    private func baseName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.split(separator: ".").first.map(String.init) ?? file
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicate keys: \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }
}
