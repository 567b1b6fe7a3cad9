/// Converts raw option text to typed values; the failures become configuration errors.
enum OptionConverter {
    /// Why a value does not fit its option.
    struct Failure: Error {
        let text: String
    }

    static func convert(_ raw: RawOptionValue, to spec: OptionSpec) throws -> OptionValue {
        switch (spec.kind, raw) {
        case (.list, .sequence(let items)):
            return .list(try checked(items, spec))
        case (.list, .scalar(let text)):
            return .list(try checked(try OptionListText.items(text), spec))
        case (_, .sequence):
            throw Failure(text: "expected a single \(spec.kind) value, not a list")
        case (let kind, .scalar(let text)):
            return try convertScalar(text, kind: kind)
        }
    }

    /// `items`, when each is one of the spec's allowed items (or it allows any).
    private static func checked(_ items: [String], _ spec: OptionSpec) throws -> [String] {
        guard let allowed = spec.items else { return items }
        for item in items where !allowed.values.contains(item) {
            throw Failure(
                text: "'\(item)' is not \(allowed.noun); valid: \(allowed.values.sorted().joined(separator: ", "))")
        }
        return items
    }

    private static func convertScalar(_ text: String, kind: OptionSpec.Kind) throws -> OptionValue {
        switch kind {
        case .string:
            return .string(text)
        case .choice(let choices):
            guard choices.contains(text) else {
                throw Failure(text: "'\(text)' is not one of: \(choices.joined(separator: ", "))")
            }
            return .string(text)
        case .boolean:
            switch text.lowercased() {
            case "true", "yes", "on", "1": return .boolean(true)
            case "false", "no", "off", "0": return .boolean(false)
            default: throw Failure(text: "'\(text)' is not a boolean (true or false)")
            }
        case .integer(let low, let high):
            guard let value = parseInteger(text) else {
                throw Failure(text: "'\(text)' is not an integer")
            }
            try check(value, low: low, high: high)
            return .integer(value)
        case .number(let low, let high):
            guard let value = Double(text), value.isFinite else {
                throw Failure(text: "'\(text)' is not a number")
            }
            try check(value, low: low, high: high)
            return .number(value)
        case .list:
            return .list([text])
        }
    }

    /// Integers, with `_` separators and binary size suffixes (`64KiB`, `1MiB`, `2GiB`).
    static func parseInteger(_ text: String) -> Int? {
        let cleaned = text.replacingUnderscores()
        let suffixes: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)]
        for (suffix, scale) in suffixes where cleaned.hasSuffix(suffix) {
            guard let base = Int(cleaned.dropLast(suffix.count)) else { return nil }
            let (product, overflow) = base.multipliedReportingOverflow(by: scale)
            return overflow ? nil : product
        }
        return Int(cleaned)
    }

    /// Checks `value` against inclusive bounds; the message shows numbers as the option's
    /// type writes them (`4096 is below the minimum 65536` for an integer, not `4096.0`).
    private static func check<Value: Comparable>(_ value: Value, low: Value?, high: Value?) throws {
        if let low, value < low { throw Failure(text: "\(value) is below the minimum \(low)") }
        if let high, value > high { throw Failure(text: "\(value) is above the maximum \(high)") }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(filter { $0 != "_" })
    }
}
