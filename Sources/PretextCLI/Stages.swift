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
                    print("  \(option.name): \(option.kind)\(fallback)\(only)\n      \(option.summary)")
                }
                print("")
            }
            print("execution (pipeline 'execution:' section, or flags):")
            for option in ExecutionSettings.specs {
                print(
                    "  \(option.name): \(option.kind) = \(option.defaultValue.map { "\($0)" } ?? "")\n      \(option.summary)"
                )
            }
        }
    }
}
