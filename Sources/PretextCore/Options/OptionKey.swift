/// A declared option with its value type: the spec (name, kind, default, summary) that
/// pipeline files, `--set` and `pretext stages` see, and the typed value a stage reads.
///
/// A stage declares each option once, as a static key, lists the keys in its descriptor and
/// reads `options[key]`: the default lives only in the key.
///
/// ```swift
/// static let minScore = OptionKey<Double>("min_score", min: 0, max: 1, default: 0.5, "…")
/// …
/// minScore = options[Self.minScore]
/// ```
public struct OptionKey<Value: OptionRepresentable>: OptionDeclaration {
    /// The option's declaration.
    public private(set) var spec: OptionSpec
    /// The value when the option is not given.
    public let defaultValue: Value

    private init(spec: OptionSpec, defaultValue: Value) {
        self.spec = spec
        self.defaultValue = defaultValue
    }

    /// Declares an option of `Value`'s own kind (boolean, text, list, choice, unbounded number).
    public init(_ name: String, default defaultValue: Value, _ summary: String) {
        self.init(
            spec: OptionSpec(name, Value.optionKind, default: defaultValue.optionValue, summary),
            defaultValue: defaultValue)
    }

    /// This option, applicable only while the choice option `key` has one of `values`
    /// (see `OptionSpec.only(when:is:)`).
    public func only<Choice>(when key: OptionKey<Choice>, is values: [Choice]) -> OptionKey {
        OptionKey(
            spec: spec.only(when: key.spec.name, is: values.map { $0.optionValue.description }),
            defaultValue: defaultValue)
    }
}

extension OptionKey where Value == Int {
    /// Declares a whole-number option bounded by `min` and `max` (inclusive).
    public init(_ name: String, min: Int? = nil, max: Int? = nil, default defaultValue: Int, _ summary: String) {
        self.init(
            spec: OptionSpec(name, .integer(min: min, max: max), default: .integer(defaultValue), summary),
            defaultValue: defaultValue)
    }
}

extension OptionKey where Value == [String] {
    /// This list option with items limited to `values` (see `OptionSpec.items(_:called:)`).
    public func items(_ values: [String], called noun: String) -> OptionKey {
        OptionKey(spec: spec.items(values, called: noun), defaultValue: defaultValue)
    }
}

extension OptionKey where Value == Double {
    /// Declares a real-number option bounded by `min` and `max` (inclusive).
    public init(_ name: String, min: Double? = nil, max: Double? = nil, default defaultValue: Double, _ summary: String)
    {
        self.init(
            spec: OptionSpec(name, .number(min: min, max: max), default: .number(defaultValue), summary),
            defaultValue: defaultValue)
    }
}

extension OptionKey where Value == String {
    /// Declares a required text option: checked options always hold it; options built without
    /// checking (the Swift API) read as `""` when it is missing.
    public static func required(_ name: String, _ summary: String) -> OptionKey {
        OptionKey(spec: OptionSpec(name, .string, default: nil, summary), defaultValue: "")
    }

    /// Declares an option taking one of `choices` as text.
    public init(_ name: String, choices: [String], default defaultValue: String, _ summary: String) {
        self.init(
            spec: OptionSpec(name, .choice(choices), default: .string(defaultValue), summary),
            defaultValue: defaultValue)
    }
}

/// Something a stage lists among its options: a typed `OptionKey` or a plain `OptionSpec`.
public protocol OptionDeclaration: Sendable {
    /// The option's declaration.
    var spec: OptionSpec { get }
}

extension OptionSpec: OptionDeclaration {
    /// The spec itself.
    public var spec: OptionSpec { self }
}

extension StageOptions {
    /// The value of `key`: the checked value given, or the key's default when the option was
    /// not given (options built with `init(_:)` for the Swift API may leave any option out).
    public subscript<Value>(key: OptionKey<Value>) -> Value {
        values[key.spec.name].flatMap(Value.init(optionValue:)) ?? key.defaultValue
    }
}
