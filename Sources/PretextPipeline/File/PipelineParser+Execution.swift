import PretextCore
import Yams

extension PipelineParser {
    /// The key of the `execution:` section holding the Slurm settings.
    static let slurmKey = "slurm"
    /// The key of `execution.slurm` holding the per-step settings.
    static let slurmStepsKey = "steps"

    /// The `execution:` section: the run's options, and its `slurm:` mapping (`SlurmSection`).
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the file and line of an unknown
    ///   key (listing the valid ones) or a bad value.
    func parseExecution(_ node: Node?, path: String) throws -> (StageOptions, SlurmSection) {
        var given: [(name: String, value: RawOptionValue, line: Int?)] = []
        var slurm = SlurmSection()
        if let node {
            guard let mapping = node.mapping else {
                throw PretextError(
                    .invalidConfiguration, "'execution' must be a mapping", path: path, line: node.mark?.line)
            }
            for (key, value) in mapping {
                let name = try scalar(key, "option name", path: path)
                if name == Self.slurmKey {
                    slurm = try parseSlurm(value, path: path)
                    continue
                }
                let valid = (ExecutionSettings.specs.map(\.name) + [Self.slurmKey]).sorted()
                guard valid.contains(name) else {
                    throw PretextError(
                        .invalidConfiguration,
                        "execution: unknown option '\(name)'; valid options: \(valid.joined(separator: ", "))",
                        path: path, line: key.mark?.line)
                }
                given.append((name, try raw(value, name, path: path), key.mark?.line))
            }
        }
        let options = try StageOptions(specs: ExecutionSettings.specs, given: given, context: "execution", path: path)
        return (options, slurm)
    }

    /// `execution.slurm`: its settings and its `steps:` overrides.
    private func parseSlurm(_ node: Node, path: String) throws -> SlurmSection {
        let context = "execution.slurm"
        guard let mapping = node.mapping else {
            throw PretextError(
                .invalidConfiguration, "'\(context)' must be a mapping", path: path, line: node.mark?.line)
        }
        var given: [(name: String, value: RawOptionValue, line: Int?)] = []
        var section = SlurmSection()
        for (key, value) in mapping {
            let name = try scalar(key, "setting name", path: path)
            if name == Self.slurmStepsKey {
                section.steps = try parseSlurmSteps(value, path: path)
                continue
            }
            try SlurmSettings.checkKnown(
                name, specs: SlurmSettings.specs, alsoValid: [Self.slurmStepsKey], context: context, path: path,
                line: key.mark?.line)
            given.append((name, try raw(value, name, path: path), key.mark?.line))
        }
        section.settings = try SlurmSettings(checking: given, specs: SlurmSettings.specs, context: context, path: path)
        return section
    }

    /// `execution.slurm.steps`: one mapping of settings per stage name or step number.
    private func parseSlurmSteps(_ node: Node, path: String) throws -> [SlurmSection.StepOverride] {
        guard let mapping = node.mapping else {
            throw PretextError(
                .invalidConfiguration,
                "'execution.slurm.steps' must be a mapping of stage names or step numbers to settings", path: path,
                line: node.mark?.line)
        }
        return try mapping.map { key, value in
            let selector = try scalar(key, "step", path: path)
            let context = "execution.slurm.steps.\(selector)"
            let settings = try SlurmSettings(
                checking: try givenValues(value, context: context, path: path), specs: SlurmSettings.stepSpecs,
                context: context, path: path)
            return SlurmSection.StepOverride(selector: selector, settings: settings, line: key.mark?.line)
        }
    }
}
