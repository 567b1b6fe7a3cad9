import Foundation

/// The command line of pretext-tokenizer-throughput.
struct Options {
    /// The `tokenizer.json` to encode with.
    var tokenizer = ""
    /// Threads of `Tokenizer.encodeBatch`.
    var threads = 1
    /// Encode the texts this many times; the fastest run is reported.
    var repeats = 1
    /// Print tokens per character by language instead of the throughput.
    var fertility = false
    /// Classify a text without a "lang" field by its letters: zh when most are Han, en when most
    /// are Latin.
    var langFromScript = false
    /// Write the ids of the first `idsCount` texts here, one JSON array a line (not timed).
    var idsOut: String?
    /// How many texts `idsOut` gets.
    var idsCount = 200
    /// The JSONL files.
    var files: [String] = []

    static let usage = """
        usage: pretext-tokenizer-throughput --tokenizer PATH/tokenizer.json [--threads N] [--repeat K]
                                            [--ids-out FILE [--ids-count N]] FILES.jsonl...
               pretext-tokenizer-throughput --tokenizer PATH/tokenizer.json --fertility [--lang-from-script]
                                            [--threads N] FILES.jsonl...
        """

    /// Parses `arguments` (without the program name); exits with the usage on a mistake.
    static func parse(_ arguments: [String]) -> Options {
        var options = Options()
        var index = 0
        /// The value after the option at `index`.
        func value() -> String {
            guard index + 1 < arguments.count else { fail("\(arguments[index]) needs a value\n\(usage)") }
            index += 1
            return arguments[index]
        }
        func positive(_ name: String) -> Int {
            guard let number = Int(value()), number > 0 else { fail("\(name) must be a positive integer") }
            return number
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--tokenizer": options.tokenizer = value()
            case "--threads": options.threads = positive(argument)
            case "--repeat": options.repeats = positive(argument)
            case "--fertility": options.fertility = true
            case "--lang-from-script": options.langFromScript = true
            case "--ids-out": options.idsOut = value()
            case "--ids-count": options.idsCount = positive(argument)
            case "-h", "--help":
                print(usage)
                exit(0)
            default:
                if argument.hasPrefix("--") { fail("unknown option \(argument)\n\(usage)") }
                options.files.append(argument)
            }
            index += 1
        }
        if options.tokenizer.isEmpty || options.files.isEmpty { fail(usage) }
        return options
    }
}

/// Prints to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Prints `message` to standard error and exits with status 2.
func fail(_ message: String) -> Never {
    printError(message)
    exit(2)
}
