import PretextCore

/// One input entry of a pipeline: a path, directory or glob with per-input reading options.
public struct InputSpec: Sendable, Hashable {
    /// The options an input entry accepts besides `path`.
    public static let specs: [OptionSpec] = [
        OptionSpec("path", .string, default: nil, "file, directory or glob to read"),
        OptionSpec(
            "format", .choice(["auto", "jsonl", "text", "warc", "wet"]), default: .string("auto"),
            "input format; auto decides by file extension"),
        OptionSpec(
            "text_mode", .choice(["default", "file", "blocks"]), default: .string("default"),
            "text files: one document per file or per blank-line-separated block (default: the stage's)"),
        OptionSpec("text_key", .string, default: .string(""), "JSONL field holding the text (default: the stage's)"),
        OptionSpec("id_key", .string, default: .string(""), "JSONL field holding the id (default: the stage's)"),
        OptionSpec(
            "source", .string, default: .string(""), "source name recorded for these documents (default: the file path)"
        ),
    ]

    /// The path, directory or glob.
    public var path: String
    /// The checked options of this entry (all of `specs`).
    public var options: StageOptions

    /// Creates an input entry for `path` with default options.
    public init(path: String, options: StageOptions? = nil) {
        self.path = path
        self.options =
            options
            ?? (try? StageOptions(specs: Self.specs, given: [("path", .scalar(path), nil)], context: "input"))
            ?? StageOptions()
    }
}
