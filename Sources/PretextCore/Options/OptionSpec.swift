/// The declaration of one stage or execution option: its name, type, default and meaning.
///
/// Stages declare their options as a list of specs; the pipeline file, `--set key=value`
/// and the Swift API are all checked against it, and `pretext stages` prints it.
public struct OptionSpec: Sendable {
    /// The type of values an option takes.
    public enum Kind: Sendable, Equatable, CustomStringConvertible {
        /// Any text.
        case string
        /// A whole number, optionally bounded (inclusive).
        case integer(min: Int? = nil, max: Int? = nil)
        /// A real number, optionally bounded (inclusive).
        case number(min: Double? = nil, max: Double? = nil)
        /// `true` or `false`.
        case boolean
        /// One of a fixed set of words.
        case choice([String])
        /// A list of text values (a YAML sequence; after `--set`, comma-separated or `[a, b]`).
        case list

        public var description: String {
            switch self {
            case .string: "string"
            case .integer: "integer"
            case .number: "number"
            case .boolean: "boolean"
            case .choice(let choices): choices.joined(separator: "|")
            case .list: "list"
            }
        }
    }

    /// The option's name, snake_case as written in pipeline files.
    public let name: String
    /// The type of values the option takes.
    public let kind: Kind
    /// The value used when the option is not given; `nil` means the option is required.
    public let defaultValue: OptionValue?
    /// One line saying what the option does.
    public let summary: String
    /// When set, the option means something only while another (choice) option has one of
    /// these values; giving it otherwise is an error rather than silently ignored.
    public private(set) var condition: (option: String, values: [String])?
    /// For a list option: the values its items may take, and what such a value is called in
    /// errors ("a language code CLD2 knows"); `nil` when any text is fine.
    public private(set) var items: (values: Set<String>, noun: String)?

    /// Declares an option.
    public init(_ name: String, _ kind: Kind, default defaultValue: OptionValue?, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// This option, applicable only while `option` is one of `values`.
    public func only(when option: String, is values: [String]) -> OptionSpec {
        var copy = self
        copy.condition = (option, values)
        return copy
    }

    /// This list option, with items limited to `values`; an error for any other item lists
    /// `values` (sorted) and calls them `noun`.
    public func items(_ values: [String], called noun: String) -> OptionSpec {
        var copy = self
        copy.items = (Set(values), noun)
        return copy
    }
}
