/// A settings value whose fields options can set (`IngestOptions`, `TextCleaner.Options`):
/// `init()` gives the defaults.
public protocol OptionSettings: Sendable {
    /// The settings with every default.
    init()
}

/// An option bound to one field of a settings value: its default is the field's default in
/// `Settings()`, and `StageOptions.settings(from:)` copies the checked value in. Declaring a
/// stage's options this way states each option, its field and its default once.
///
/// ```swift
/// static let cleanup: [OptionBinding<TextCleaner.Options>] = [
///     .option("remove_control", \.removeControlCharacters, "remove C0/C1 control characters"),
/// ]
/// …
/// let cleanup = options.settings(from: Self.cleanup)
/// ```
public struct OptionBinding<Settings: OptionSettings>: OptionDeclaration {
    /// The option's declaration.
    public let spec: OptionSpec
    private let write: @Sendable (StageOptions, inout Settings) -> Void

    private init<Value>(_ key: OptionKey<Value>, _ field: WritableKeyPath<Settings, Value> & Sendable) {
        spec = key.spec
        write = { options, settings in settings[keyPath: field] = options[key] }
    }

    /// Binds option `name` of `Value`'s own kind to `field`.
    public static func option<Value: OptionRepresentable>(
        _ name: String, _ field: WritableKeyPath<Settings, Value> & Sendable, _ summary: String
    ) -> OptionBinding {
        OptionBinding(OptionKey(name, default: Settings()[keyPath: field], summary), field)
    }

    /// Binds whole-number option `name`, bounded by `min` and `max`, to `field`.
    public static func option(
        _ name: String, _ field: WritableKeyPath<Settings, Int> & Sendable, min: Int? = nil, max: Int? = nil,
        _ summary: String
    ) -> OptionBinding {
        OptionBinding(OptionKey(name, min: min, max: max, default: Settings()[keyPath: field], summary), field)
    }

    /// Sets the field from `options`.
    func apply(_ options: StageOptions, to settings: inout Settings) { write(options, &settings) }
}

extension StageOptions {
    /// The defaults of `Settings` with every option of `bindings` applied.
    public func settings<Settings>(from bindings: [OptionBinding<Settings>]) -> Settings {
        var settings = Settings()
        for binding in bindings { binding.apply(self, to: &settings) }
        return settings
    }
}
