/// A JSON value written the way HF tokenizers' `save(pretty=True)` writes it (serde_json's
/// pretty printer): two-space indents, `"key": value`, members in the order given, non-ASCII
/// text as is, and only `"`, `\`, and control characters escaped.
indirect enum PrettyJSON {
    case object([(String, PrettyJSON)])
    case array([PrettyJSON])
    case string(String)
    case integer(Int)
    /// A float, as serde_json writes an f64 (ryu's shortest form: `0.0`, `-1.5`, `1e-7`).
    case number(Double)
    case boolean(Bool)
    case null

    /// The text, with a trailing newline only if `newline`.
    func text() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .boolean(let value): output += value ? "true" : "false"
        case .integer(let value): output += String(value)
        case .number(let value): output += Self.format(value)
        case .string(let value): Self.quote(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else { return output += "[]" }
            output += "[\n"
            for (index, item) in items.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                item.write(to: &output, indent: indent + 2)
                output += index == items.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { return output += "{}" }
            output += "{\n"
            for (index, (key, value)) in members.enumerated() {
                output += String(repeating: " ", count: indent + 2)
                Self.quote(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 2)
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += String(repeating: " ", count: indent) + "}"
        }
    }

    /// `text` as a JSON string, escaped as serde_json does.
    static func quote(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: output += "\\\""
            case 0x5C: output += "\\\\"
            case 0x08: output += "\\b"
            case 0x0C: output += "\\f"
            case 0x0A: output += "\\n"
            case 0x0D: output += "\\r"
            case 0x09: output += "\\t"
            case 0..<0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// `value` as ryu (Rust's float printer, which serde_json uses) writes it: the shortest digits
    /// that read back to `value`, in decimal notation from 10⁻⁵ up to 10¹⁶ (with `.0` for whole
    /// numbers), otherwise as `1.5e-7`; NaN and infinities as `null`.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (digits, point) = shortestDigits(abs(value))
        let sign = value < 0 ? "-" : ""
        let n = digits.count
        if point > 0 && point <= 16 {
            if n <= point { return sign + digits + String(repeating: "0", count: point - n) + ".0" }
            let split = digits.index(digits.startIndex, offsetBy: point)
            return sign + digits[..<split] + "." + digits[split...]
        }
        if point > -5 && point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
        let exponent = "e\(point - 1)"
        if n == 1 { return sign + digits + exponent }
        return sign + digits.prefix(1) + "." + digits.dropFirst() + exponent
    }

    /// The shortest round-trip digits of positive `value` (no leading or trailing zeros) and the
    /// position of the decimal point: value = 0.digits × 10^point.
    private static func shortestDigits(_ value: Double) -> (digits: String, point: Int) {
        let text = "\(value)"  // Swift prints the shortest round-trip digits too.
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        var digits = Array(whole + fraction)
        var point = whole.count + exponent
        while let first = digits.first, first == "0" {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == "0" { digits.removeLast() }
        return (String(digits), point)
    }
}
