import PretextCore
import PretextFormats

/// One input entry of a pipeline: a path, directory or glob with per-input reading options.
public struct InputSpec: Sendable, Hashable {
    /// The options an input entry accepts besides `path`.
    public static let specs: [OptionSpec] = [path, format, textMode, textKey, idKey, source].map(\.spec)

    /// `path`: the file, directory or glob (required).
    public static let path = OptionKey<String>.required("path", "file, directory or glob to read")
    /// `format`: the input format, or `auto` (by file extension).
    public static let format = OptionKey<String>(
        "format", choices: ["auto"] + InputFormat.allCases.map(\.rawValue), default: "auto",
        "input format; auto decides by file extension")
    /// `text_mode`: how text files become documents, or `default` (the stage's).
    public static let textMode = OptionKey<String>(
        "text_mode", choices: ["default"] + IngestOptions.TextMode.allCases.map(\.rawValue), default: "default",
        "text files: one document per file or per blank-line-separated block (default: the stage's)")
    /// `text_key`: the JSONL text field, or empty (the stage's).
    public static let textKey = OptionKey<String>(
        "text_key", default: "", "JSONL field holding the text (default: the stage's)")
    /// `id_key`: the JSONL id field, or empty (the stage's).
    public static let idKey = OptionKey<String>(
        "id_key", default: "", "JSONL field holding the id (default: the stage's)")
    /// `source`: the source name recorded, or empty (the file path).
    public static let source = OptionKey<String>(
        "source", default: "", "source name recorded for these documents (default: the file path)")

    /// The path, directory or glob.
    public var path: String
    /// The checked options of this entry (all of `specs`).
    public var options: StageOptions
    /// The line of the pipeline file that gives this entry, if it came from a file (for
    /// messages).
    public var line: Int?

    /// Creates an input entry for `path` with default options.
    public init(path: String, options: StageOptions? = nil, line: Int? = nil) {
        self.path = path
        self.options = options ?? StageOptions([Self.path.spec.name: .string(path)])
        self.line = line
    }
}
