import PretextCore

/// One data line of a lexicon file: its 1-based line number and its trimmed fields.
struct LexiconRow {
    /// The 1-based line number in the file.
    let line: Int
    /// The fields, trimmed of surrounding whitespace; never empty strings.
    let fields: [String]
}

/// Splits the text of a lexicon file into rows of tab-separated fields.
///
/// Lines end in LF or CRLF; a leading byte-order mark is dropped. A `#` at the start of a
/// line or after a space or tab starts a comment that runs to the end of the line (a `#`
/// inside a word, as in `c#`, does not). Lines that are empty after removing the comment
/// are skipped.
enum LexiconTable {
    /// Returns the data rows of `text`, checking that each has exactly `columns.count`
    /// non-empty fields.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming `path` and the line.
    static func rows(_ text: String, columns: [String], path: String) throws -> [LexiconRow] {
        var rows: [LexiconRow] = []
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, bytes) in body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
        {
            let content = stripComment(String(decoding: bytes, as: UTF8.self))
            if content.allSatisfy(\.isWhitespace) { continue }
            let fields = try split(content, columns: columns, path: path, line: index + 1)
            rows.append(LexiconRow(line: index + 1, fields: fields))
        }
        return rows
    }

    /// Splits one non-blank line into exactly `columns.count` trimmed, non-empty fields.
    private static func split(_ content: String, columns: [String], path: String, line: Int) throws -> [String] {
        let fields = content.unicodeScalars.split(separator: "\t", omittingEmptySubsequences: false)
            .map { trim(String(String.UnicodeScalarView($0))) }
        guard fields.count == columns.count else {
            throw PretextError(
                .invalidConfiguration,
                "expected \(columns.count) tab-separated columns (\(columns.joined(separator: ", "))), "
                    + "found \(fields.count); separate columns with a tab, not spaces",
                path: path, line: line)
        }
        if let empty = fields.firstIndex(of: "") {
            throw PretextError(
                .invalidConfiguration, "the \(columns[empty]) column is empty", path: path, line: line)
        }
        return fields
    }

    /// Removes a trailing comment: from a `#` at the start or after a space or tab.
    static func stripComment(_ line: String) -> String {
        var previous: Unicode.Scalar = " "
        for index in line.unicodeScalars.indices {
            let scalar = line.unicodeScalars[index]
            if scalar == "#" && (previous == " " || previous == "\t") {
                return String(line.unicodeScalars[..<index])
            }
            previous = scalar
        }
        return line
    }

    /// Removes leading and trailing whitespace (including `\r` and U+3000).
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
