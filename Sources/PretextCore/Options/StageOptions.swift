/// The checked options of one stage: every declared option has a value (given or default).
public struct StageOptions: Sendable, Hashable {
    /// The values by option name.
    public private(set) var values: [String: OptionValue]

    /// Creates options from already-typed values (the Swift API); no checking.
    public init(_ values: [String: OptionValue] = [:]) { self.values = values }

    /// Checks `given` against `specs`, converting each raw value to its declared type and
    /// filling in defaults.
    ///
    /// - Parameters:
    ///   - specs: the options the stage declares.
    ///   - given: what the user wrote, with the line each came from (for errors).
    ///   - context: where the options were written ("pipeline.yaml, stage 2 (ingest)").
    /// - Throws: `PretextError(.invalidConfiguration)` for an unknown option (listing the
    ///   valid ones), a value of the wrong type, or a missing required option.
    public init(
        specs: [OptionSpec], given: [(name: String, value: RawOptionValue, line: Int?)],
        context: String, path: String? = nil
    ) throws {
        var values: [String: OptionValue] = [:]
        let byName = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for item in given {
            guard let spec = byName[item.name] else {
                let valid = specs.map(\.name).sorted().joined(separator: ", ")
                throw PretextError(
                    .invalidConfiguration,
                    "\(context): unknown option '\(item.name)'; valid options: \(valid.isEmpty ? "(none)" : valid)",
                    path: path, line: item.line)
            }
            do {
                values[spec.name] = try OptionConverter.convert(item.value, to: spec)
            } catch let message as OptionConverter.Failure {
                throw PretextError(
                    .invalidConfiguration, "\(context): option '\(spec.name)': \(message.text)",
                    path: path, line: item.line)
            }
        }
        for spec in specs where values[spec.name] == nil {
            guard let fallback = spec.defaultValue else {
                throw PretextError(
                    .invalidConfiguration, "\(context): required option '\(spec.name)' is missing",
                    path: path)
            }
            values[spec.name] = fallback
        }
        for item in given {
            guard let condition = byName[item.name]?.condition else { continue }
            guard case .string(let actual) = values[condition.option], !condition.values.contains(actual) else {
                continue
            }
            throw PretextError(
                .invalidConfiguration,
                "\(context): option '\(item.name)' applies only when \(condition.option) is "
                    + "\(condition.values.joined(separator: " or ")), not \(actual)",
                path: path, line: item.line)
        }
        self.values = values
    }

    /// A canonical one-line rendering (`a=1 b=x`), sorted by name; stable across runs.
    public var canonicalDescription: String {
        values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: " ")
    }
}
