/// The named fields of a WARC header block or an HTTP header block.
///
/// Names are compared case-insensitively (stored lowercased); the first occurrence wins.
/// Values are decoded as UTF-8 (lossily: header bytes are not corpus text).
struct WARCHeaders {
    private(set) var fields: [(name: String, value: String)] = []

    /// The value of the field `name` (lowercase), or `nil`.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// How many times the field `name` (lowercase) occurs.
    func count(of name: String) -> Int {
        fields.reduce(0) { $0 + ($1.name == name ? 1 : 0) }
    }

    /// Adds a `Name: value` line; returns false when the line has no colon or no name.
    /// A line starting with space or tab continues the previous value.
    mutating func add(line: UnsafeRawBufferPointer) -> Bool {
        if let first = line.first, first == 0x20 || first == 0x09, !fields.isEmpty {
            fields[fields.count - 1].value += " " + WARCHeaders.trimmed(line)
            return true
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let name = String(decoding: UnsafeRawBufferPointer(rebasing: line[..<colon]), as: UTF8.self)
        let value = WARCHeaders.trimmed(UnsafeRawBufferPointer(rebasing: line[(colon + 1)...]))
        fields.append((name.lowercased(), value))
        return true
    }

    /// A non-negative decimal integer field, or `nil` when missing or not a number.
    func integer(_ name: String) -> Int? {
        guard let text = self[name], !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            return nil
        }
        return Int(text)
    }

    private static func trimmed(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: TextBytes.trimmingASCIIWhitespace(bytes), as: UTF8.self)
    }
}
