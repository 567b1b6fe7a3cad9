import PretextSynthetic

/// The command line of pretext-neardup-corpus.
struct Options {
    var configuration: NearDuplicateCorpus.Configuration
    var files: Int
    var output: String

    static let usage =
        "usage: pretext-neardup-corpus --docs N --seed S --files F --out DIR"
        + " [--chinese-share X] [--family-share X]"

    /// Parses `arguments` (without the program name); exits with the usage on a mistake.
    static func parse(_ arguments: [String]) -> Options {
        var values: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), index + 1 < arguments.count else { fail(usage) }
            values[String(name.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
        let known: Set<String> = ["docs", "seed", "files", "out", "chinese-share", "family-share"]
        if let unknown = values.keys.first(where: { !known.contains($0) }) {
            fail("unknown option --\(unknown)\n\(usage)")
        }
        guard let docs = values["docs"].flatMap(Int.init), docs >= 0,
            let seed = values["seed"].flatMap(UInt64.init),
            let files = values["files"].flatMap(Int.init), files >= 1,
            let output = values["out"]
        else { fail(usage) }
        var configuration = NearDuplicateCorpus.Configuration(documentCount: docs, seed: seed)
        if let share = values["chinese-share"] { configuration.chineseShare = fraction(share, "--chinese-share") }
        if let share = values["family-share"] { configuration.familyShare = fraction(share, "--family-share") }
        return Options(configuration: configuration, files: files, output: output)
    }

    private static func fraction(_ text: String, _ name: String) -> Double {
        guard let value = Double(text), (0...1).contains(value) else { fail("\(name) must lie in [0, 1]") }
        return value
    }
}
