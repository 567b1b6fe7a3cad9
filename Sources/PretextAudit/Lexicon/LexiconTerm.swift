import PretextCore
import PretextText

/// How lexicon terms and labels are written and checked.
///
/// Terms are compared with text that the matcher folds the same way, so the rule is the
/// single place that decides what "the same term" means.
public enum LexiconTerm {
    /// Returns `text` lowercased (full Unicode lowercase mapping), in NFC, with each run of
    /// whitespace between words replaced by one space and the typographic apostrophe `’`
    /// written as `'` (the matcher finds either apostrophe for either).
    ///
    /// Lowercasing comes first because it can decompose (`İ` → `i̇`); NFC after it puts the
    /// result in the form the corpus is normalized to.
    /// - Throws: `PretextError(.malformedInput)` if ICU rejects the text.
    public static func normalize(_ text: String) throws -> String {
        var words: [String] = []
        for word in text.lowercased().unicodeScalars.split(whereSeparator: \.properties.isWhitespace) {
            words.append(String(String.UnicodeScalarView(word.map { $0 == "\u{2019}" ? "'" : $0 })))
        }
        return try UnicodeNormalizer(form: .nfc).normalize(words.joined(separator: " "))
    }

    /// Whether `text` is a slug: one or more of `a`–`z`, `0`–`9` and `_`.
    public static func isSlug(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
            }
    }

    /// Returns `text` if it is a slug.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming the column, `path` and `line`.
    static func slug(_ text: String, column: String, path: String, line: Int) throws -> String {
        guard isSlug(text) else {
            throw PretextError(
                .invalidConfiguration,
                "the \(column) '\(text)' is not a lowercase slug: use only a-z, 0-9 and _ (such as 'wheelchair_user')",
                path: path, line: line)
        }
        return text
    }
}

/// Remembers where each term of one file was first seen, to report duplicates.
struct DuplicateCheck {
    private var lines: [String: Int] = [:]
    private let path: String

    /// Starts a check for the file at `path`.
    init(path: String) { self.path = path }

    /// Records `key` as seen on `line`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` naming both lines if `key` was seen.
    mutating func insert(_ key: String, what: String, line: Int) throws {
        if let first = lines[key] {
            throw PretextError(
                .invalidConfiguration,
                "duplicate \(what) '\(key)': already on line \(first); each \(what) may appear once per file",
                path: path, line: line)
        }
        lines[key] = line
    }
}
