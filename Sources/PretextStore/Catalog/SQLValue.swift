/// A value stored in or read from SQLite.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob([UInt8])

    /// The value as an integer, if it is one.
    public var int64: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The value as an `Int`, if it is an integer.
    public var int: Int? { int64.map { Int($0) } }

    /// The value as a double (integers convert), if numeric.
    public var double: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The value as text, if it is text.
    public var string: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// Whether the value is NULL.
    public var isNull: Bool { self == .null }

    /// A plain rendering for tables (`NULL`, numbers, text, `x'…'` for blobs).
    public var description: String {
        switch self {
        case .null: return "NULL"
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .text(let value): return value
        case .blob(let bytes):
            return "x'"
                + bytes.map { byte in
                    let digits = String(byte, radix: 16)
                    return digits.count == 1 ? "0" + digits : digits
                }.joined() + "'"
        }
    }
}

extension SQLValue {
    /// An integer value, or NULL for `nil`.
    public init(_ value: Int?) { self = value.map { .integer(Int64($0)) } ?? .null }
    /// A text value, or NULL for `nil`.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
    /// A real value, or NULL for `nil`.
    public init(_ value: Double?) { self = value.map { .real($0) } ?? .null }
}

extension SQLValue: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByNilLiteral
{
    /// An integer literal.
    public init(integerLiteral value: Int64) { self = .integer(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .text(value) }
    /// A float literal.
    public init(floatLiteral value: Double) { self = .real(value) }
    /// `nil` as NULL.
    public init(nilLiteral: ()) { self = .null }
}

/// The result of a generic query: column names and rows of values.
public struct SQLRows: Sendable, Equatable {
    /// The result's column names, in order.
    public var columns: [String]
    /// The rows; each has one value per column.
    public var rows: [[SQLValue]]

    /// Creates a result.
    public init(columns: [String], rows: [[SQLValue]]) {
        self.columns = columns
        self.rows = rows
    }
}
