/// The ground truth's tokens: datatrove's MinHash view of a text with its default
/// `simplify_text`, computed here independently of the dedupe code it checks.
///
/// - Simplify: lowercase; every run of decimal digits, with an optional `.` or `,` and a
///   second run, becomes `0` (before punctuation is removed, so `3.5` and `12,000` are `0`);
///   punctuation (every ASCII punctuation character, `。，？！、；：“”「」（）`, and control
///   characters) becomes a space; whitespace runs collapse to one space; the ends are trimmed.
/// - Tokens: the simplified text split on spaces, except that every CJK character
///   (U+3400–U+9FFF, U+F900–U+FAFF, U+3040–U+30FF) is a token of its own.
/// - Shingles: the n-grams of `shingleSize` consecutive tokens joined by a space; a text with
///   fewer tokens has one shingle, all its tokens (and an empty text none).
public enum ShingleTokenizer {
    /// Tokens per shingle (datatrove's default n-gram size).
    public static let shingleSize = 5

    /// The simplified text.
    public static func simplify(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSpace = false
        let scalars = Array(text.lowercased().unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isDecimalDigit(scalar) {
                index = endOfNumber(scalars, from: index)
                emit("0", to: &output, pendingSpace: &pendingSpace)
                continue
            }
            if isPunctuation(scalar) || isWhitespace(scalar) {
                pendingSpace = true
            } else {
                emit(scalar, to: &output, pendingSpace: &pendingSpace)
            }
            index += 1
        }
        return String(output)
    }

    /// The tokens of `text` (simplified first).
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in simplify(text).unicodeScalars {
            if scalar == " " || isCJK(scalar) {
                if !current.isEmpty { tokens.append(String(current)) }
                current = String.UnicodeScalarView()
                if scalar != " " { tokens.append(String(scalar)) }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(String(current)) }
        return tokens
    }

    /// The shingles of `text`, in order, duplicates kept.
    public static func shingles(_ text: String, size: Int = shingleSize) -> [String] {
        let tokens = tokens(text)
        return windows(count: tokens.count, size: size).map { tokens[$0].joined(separator: " ") }
    }

    /// The token ranges of the shingles of a text of `count` tokens.
    static func windows(count: Int, size: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        guard count >= size else { return [0..<count] }
        return (0...(count - size)).map { $0..<($0 + size) }
    }

    /// Appends `scalar`, after one space if whitespace or punctuation came before it (and
    /// something was already written).
    private static func emit(
        _ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView, pendingSpace: inout Bool
    ) {
        if pendingSpace && !output.isEmpty { output.append(" ") }
        pendingSpace = false
        output.append(scalar)
    }

    /// The index past a number: digits, then optionally `.` or `,` and more digits.
    private static func endOfNumber(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var index = start
        while index < scalars.count && isDecimalDigit(scalars[index]) { index += 1 }
        if index + 1 < scalars.count && (scalars[index] == "." || scalars[index] == ",")
            && isDecimalDigit(scalars[index + 1])
        {
            index += 1
            while index < scalars.count && isDecimalDigit(scalars[index]) { index += 1 }
        }
        return index
    }

    /// A decimal digit of any script (Python's `\d`).
    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar >= "0" && scalar <= "9" }
        return scalar.properties.numericType == .decimal
    }

    /// Unicode white space (an ASCII fast path first: the property lookup is slow).
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }

    /// ASCII punctuation, the CJK punctuation listed above, and control characters.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (0x7F...0x9F).contains(value) { return true }
        if scalar.isASCII {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value)
                || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        return cjkPunctuation.contains(scalar)
    }

    /// `。，？！、；：“”「」（）`
    private static let cjkPunctuation: Set<Unicode.Scalar> = Set("。，？！、；：“”「」（）".unicodeScalars)

    /// CJK ideographs (U+3400–U+9FFF, U+F900–U+FAFF) and kana (U+3040–U+30FF).
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x3400...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x3040...0x30FF).contains(value)
    }
}
