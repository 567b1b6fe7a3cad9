/// A Swift type an option's value can take: `Int`, `Double`, `Bool`, `String`, `[String]`,
/// and string enums that conform to `OptionChoice`.
public protocol OptionRepresentable: Sendable {
    /// The option kind a key of this type declares unless it gives bounds or choices.
    static var optionKind: OptionSpec.Kind { get }
    /// The typed value of a checked option value; `nil` when it holds another type.
    init?(optionValue: OptionValue)
    /// The value as an option value (a key's default in its spec).
    var optionValue: OptionValue { get }
}

/// A string enum whose cases are the values of a `choice` option (`form: nfc|nfkc|…`).
public protocol OptionChoice: OptionRepresentable, RawRepresentable, CaseIterable where RawValue == String {}

extension OptionChoice {
    /// `choice` of every case's raw value, in declaration order.
    public static var optionKind: OptionSpec.Kind { .choice(allCases.map(\.rawValue)) }

    /// The case named by a `string` value.
    public init?(optionValue: OptionValue) {
        guard case .string(let text) = optionValue else { return nil }
        self.init(rawValue: text)
    }

    /// The case's raw value as text.
    public var optionValue: OptionValue { .string(rawValue) }
}

extension Int: OptionRepresentable {
    /// An unbounded integer.
    public static var optionKind: OptionSpec.Kind { .integer() }

    /// The value of an `integer` option.
    public init?(optionValue: OptionValue) {
        guard case .integer(let value) = optionValue else { return nil }
        self = value
    }

    /// The value as an `integer`.
    public var optionValue: OptionValue { .integer(self) }
}

extension Double: OptionRepresentable {
    /// An unbounded number.
    public static var optionKind: OptionSpec.Kind { .number() }

    /// The value of a `number` option; integers widen.
    public init?(optionValue: OptionValue) {
        switch optionValue {
        case .number(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }

    /// The value as a `number`.
    public var optionValue: OptionValue { .number(self) }
}

extension Bool: OptionRepresentable {
    /// `true` or `false`.
    public static var optionKind: OptionSpec.Kind { .boolean }

    /// The value of a `boolean` option.
    public init?(optionValue: OptionValue) {
        guard case .boolean(let value) = optionValue else { return nil }
        self = value
    }

    /// The value as a `boolean`.
    public var optionValue: OptionValue { .boolean(self) }
}

extension String: OptionRepresentable {
    /// Any text.
    public static var optionKind: OptionSpec.Kind { .string }

    /// The value of a `string` or `choice` option.
    public init?(optionValue: OptionValue) {
        guard case .string(let text) = optionValue else { return nil }
        self = text
    }

    /// The value as `string`.
    public var optionValue: OptionValue { .string(self) }
}

extension Array: OptionRepresentable where Element == String {
    /// A list of text values.
    public static var optionKind: OptionSpec.Kind { .list }

    /// The value of a `list` option.
    public init?(optionValue: OptionValue) {
        guard case .list(let items) = optionValue else { return nil }
        self = items
    }

    /// The value as a `list`.
    public var optionValue: OptionValue { .list(self) }
}
