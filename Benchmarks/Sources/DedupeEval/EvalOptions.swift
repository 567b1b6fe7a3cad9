/// The command line of pretext-dedupe-eval.
struct EvalOptions {
    var truth: String
    var removed: String
    var threshold = 0.72
    var candidates: String?
    var bands = 14
    var rows = 8

    static let usage =
        "usage: pretext-dedupe-eval --truth DIR --removed FILE [--threshold T]"
        + " [--candidates FILE [--bands B] [--rows R]]"

    /// Parses `arguments` (without the program name); exits with the usage on a mistake.
    static func parse(_ arguments: [String]) -> EvalOptions {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), index + 1 < arguments.count else { fail(usage) }
            values[String(name.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
        let known: Set<String> = ["truth", "removed", "threshold", "candidates", "bands", "rows"]
        if let unknown = values.keys.first(where: { !known.contains($0) }) {
            fail("unknown option --\(unknown)\n\(usage)")
        }
        guard let truth = values["truth"], let removed = values["removed"] else { fail(usage) }
        var options = EvalOptions(truth: truth, removed: removed)
        options.candidates = values["candidates"]
        if let text = values["threshold"] {
            guard let value = Double(text), (0...1).contains(value) else { fail("--threshold must lie in [0, 1]") }
            options.threshold = value
        }
        options.bands = positive(values["bands"], default: 14, "--bands")
        options.rows = positive(values["rows"], default: 8, "--rows")
        return options
    }

    private static func positive(_ text: String?, default value: Int, _ name: String) -> Int {
        guard let text else { return value }
        guard let parsed = Int(text), parsed > 0 else { fail("\(name) must be a positive integer") }
        return parsed
    }
}
