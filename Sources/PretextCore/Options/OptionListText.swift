/// The items of a list option written as one piece of text (after `--set key=`, or a YAML
/// scalar): comma-separated (`en, zh`) or in YAML's flow form (`[en, zh]`, `["en", 'zh']`,
/// `[]`). Items are trimmed of spaces; empty items are left out.
enum OptionListText {
    /// The items of `text`.
    ///
    /// - Throws: `OptionConverter.Failure` for a `[` without its `]`, a nested list, or an
    ///   unclosed quote.
    static func items(_ text: String) throws -> [String] {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasPrefix("[") || trimmed.hasSuffix("]") else {
            return trimmed.split(separator: ",").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        }
        guard trimmed.count >= 2, trimmed.hasPrefix("["), trimmed.hasSuffix("]") else {
            throw OptionConverter.Failure(text: "'\(text)' is not a list: write [a, b] or a, b")
        }
        return try flowItems(trimmed.dropFirst().dropLast())
    }

    /// The items between a flow list's brackets: commas outside quotes separate them.
    private static func flowItems(_ inner: Substring) throws -> [String] {
        var items: [String] = []
        var current = ""
        var quote: Character?
        var quoted = false
        for character in inner {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                guard current.trimmingSpaces().isEmpty else { throw stray(character) }
                (quote, quoted, current) = (character, true, "")
            } else if character == "," {
                try finish(&current, quoted: &quoted, into: &items)
            } else if character == "[" || character == "]" {
                throw OptionConverter.Failure(text: "a list item cannot be a list")
            } else if quoted, character != " " {
                throw stray(character)
            } else {
                current.append(character)
            }
        }
        guard quote == nil else { throw OptionConverter.Failure(text: "a quote in the list is not closed") }
        try finish(&current, quoted: &quoted, into: &items)
        return items
    }

    private static func finish(_ current: inout String, quoted: inout Bool, into items: inout [String]) throws {
        let item = quoted ? current : current.trimmingSpaces()
        if !item.isEmpty || quoted { items.append(item) }
        (current, quoted) = ("", false)
    }

    private static func stray(_ character: Character) -> OptionConverter.Failure {
        OptionConverter.Failure(text: "unexpected \(character) in a list item: quote whole items ([\"a b\", c])")
    }
}

extension String {
    /// The text without leading and trailing spaces.
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while slice.first == " " { slice.removeFirst() }
        while slice.last == " " { slice.removeLast() }
        return String(slice)
    }
}
