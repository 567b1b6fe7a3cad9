/// A typed option value, after checking against its `OptionSpec`.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    /// Text (also the value of a `choice` option).
    case string(String)
    /// A whole number.
    case integer(Int)
    /// A real number.
    case number(Double)
    /// A flag.
    case boolean(Bool)
    /// A list of text values.
    case list([String])

    /// The value as written in a pipeline file; also its canonical form for config hashes.
    public var description: String {
        switch self {
        case .string(let text): text
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .boolean(let value): String(value)
        case .list(let items): "[" + items.joined(separator: ",") + "]"
        }
    }
}

/// An option value as the user wrote it, before it is checked against its spec.
public enum RawOptionValue: Sendable, Hashable {
    /// A single scalar (YAML scalar or the text after `--set key=`).
    case scalar(String)
    /// A YAML sequence of scalars.
    case sequence([String])
}
