/// A JSON syntax error: what was wrong and at which byte column of the input line.
///
/// Carries no input text (corpus text can hold personal data), only the position.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of syntax error this is.
    public enum Kind: String, Sendable, Equatable {
        /// The input ended inside a value.
        case unexpectedEnd = "unexpected end of input"
        /// A character that cannot start or continue a value here.
        case unexpectedCharacter = "unexpected character"
        /// The top-level value is not an object.
        case notAnObject = "top-level value is not an object"
        /// Expected `"` to start an object key.
        case expectedKey = "expected a string key"
        /// Expected `:` after an object key.
        case expectedColon = "expected ':' after key"
        /// Expected `,` or `}` in an object.
        case expectedCommaOrBrace = "expected ',' or '}'"
        /// Expected `,` or `]` in an array.
        case expectedCommaOrBracket = "expected ',' or ']'"
        /// A raw control character (U+0000–U+001F) inside a string.
        case controlCharacterInString = "unescaped control character in string"
        /// A backslash followed by a character that is not a JSON escape.
        case invalidEscape = "invalid escape sequence"
        /// A `\u` escape that is not followed by four hex digits.
        case invalidUnicodeEscape = "invalid \\u escape"
        /// A `\u` escape for a surrogate that is not part of a valid pair.
        case loneSurrogate = "unpaired surrogate in \\u escape"
        /// A malformed number.
        case invalidNumber = "invalid number"
        /// A malformed literal (`true`, `false`, `null`).
        case invalidLiteral = "invalid literal"
        /// Nesting deeper than the limit.
        case tooDeep = "nesting too deep"
        /// Bytes after the top-level value.
        case trailingCharacters = "trailing characters after the object"
        /// The bytes are not valid UTF-8.
        case invalidUTF8 = "invalid UTF-8"
    }

    /// What was wrong.
    public var kind: Kind
    /// The 0-based byte offset in the line where the problem was found.
    public var column: Int

    /// Creates an error.
    public init(_ kind: Kind, at column: Int) {
        self.kind = kind
        self.column = column
    }

    public var description: String { "\(kind.rawValue) at byte \(column)" }
}
