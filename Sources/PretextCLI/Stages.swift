import ArgumentParser
import Pretext

extension PretextCommand {
    /// `pretext stages`: lists the stages and their options.
    struct Stages: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stages and their options.")

        func run() throws {
            for descriptor in StageRegistry.standard.descriptors {
                print("\(descriptor.name) — \(descriptor.summary) (reads \(descriptor.input.rawValue))")
                for option in descriptor.options {
                    // An empty text default shows as "" (it often means "the built-in choice").
                    let fallback =
                        option.defaultValue.map { $0 == .string("") ? " = \"\"" : " = \($0)" } ?? " (required)"
                    let only =
                        option.condition.map {
                            " [\($0.option): \($0.values.joined(separator: ", "))]"
                        } ?? ""
                    print("  \(option.name): \(Self.kind(option))\(fallback)\(only)\n      \(option.summary)")
                }
                print("")
            }
            print("execution (pipeline 'execution:' section, or flags):")
            for option in ExecutionSettings.specs {
                print(
                    "  \(option.name): \(Self.kind(option)) = \(option.defaultValue.map { "\($0)" } ?? "")\n"
                        + "      \(option.summary)"
                )
            }
        }

        /// An option's type with the values it accepts: `integer 1024...1073741824`,
        /// `integer >= 0`, `number 0...1`; other kinds as they are.
        static func kind(_ option: OptionSpec) -> String {
            switch option.kind {
            case .integer(let low, let high): "integer" + range(low.map { "\($0)" }, high.map { "\($0)" })
            case .number(let low, let high): "number" + range(low.map { "\($0)" }, high.map { "\($0)" })
            default: "\(option.kind)"
            }
        }

        /// ` LOW...HIGH`, ` >= LOW`, ` <= HIGH`, or nothing when there is no bound.
        private static func range(_ low: String?, _ high: String?) -> String {
            switch (low, high) {
            case (let low?, let high?): " \(low)...\(high)"
            case (let low?, nil): " >= \(low)"
            case (nil, let high?): " <= \(high)"
            case (nil, nil): ""
            }
        }
    }
}
