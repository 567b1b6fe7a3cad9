import PretextCore

/// Parses the text of each lexicon file into its terms, checking every line.
///
/// Each function takes the file's text and its path (for messages) and throws
/// `PretextError(.invalidConfiguration)` naming the path and line of the first problem:
/// a wrong column count, an empty column, an unknown category or severity, a label that
/// is not a slug, or a term that repeats an earlier line.
enum LexiconParser {
    /// Parses `identity.tsv`: `term<TAB>category<TAB>group`.
    static func identity(_ text: String, path: String) throws -> [IdentityTerm] {
        var seen = DuplicateCheck(path: path)
        return try LexiconTable.rows(text, columns: LexiconFile.identity.columns, path: path).map { row in
            let term = try normalizedTerm(row, seen: &seen, path: path)
            let category = try category(row.fields[1], path: path, line: row.line)
            let group = try LexiconTerm.slug(row.fields[2], column: "group", path: path, line: row.line)
            return IdentityTerm(term: term, category: category, group: group)
        }
    }

    /// Parses a two-column `term<TAB>label` file (pronouns, occupations, descriptors).
    static func labeled(_ text: String, file: LexiconFile, path: String) throws -> [LabeledTerm] {
        var seen = DuplicateCheck(path: path)
        return try LexiconTable.rows(text, columns: file.columns, path: path).map { row in
            let term = try normalizedTerm(row, seen: &seen, path: path)
            let label = try LexiconTerm.slug(row.fields[1], column: file.columns[1], path: path, line: row.line)
            return LabeledTerm(term: term, label: label)
        }
    }

    /// Parses `offensive.tsv`: `term<TAB>severity`.
    static func offensive(_ text: String, path: String) throws -> [OffensiveTerm] {
        var seen = DuplicateCheck(path: path)
        return try LexiconTable.rows(text, columns: LexiconFile.offensive.columns, path: path).map { row in
            let term = try normalizedTerm(row, seen: &seen, path: path)
            guard let severity = OffensiveTerm.Severity(rawValue: row.fields[1]) else {
                let valid = OffensiveTerm.Severity.allCases.map(\.rawValue).joined(separator: ", ")
                throw PretextError(
                    .invalidConfiguration, "unknown severity '\(row.fields[1])'; valid severities: \(valid)",
                    path: path, line: row.line)
            }
            return OffensiveTerm(term: term, severity: severity)
        }
    }

    /// Parses `pairs.tsv`: `category<TAB>group_a<TAB>group_b`, checking that both groups have
    /// terms in `groups` (the language's identity groups).
    static func pairs(_ text: String, groups: [IdentityCategory: [String]], path: String) throws -> [GroupPair] {
        var seen = DuplicateCheck(path: path)
        return try LexiconTable.rows(text, columns: LexiconFile.pairs.columns, path: path).map { row in
            let category = try category(row.fields[0], path: path, line: row.line)
            let known = groups[category] ?? []
            let a = try pairGroup(row.fields[1], category: category, known: known, path: path, line: row.line)
            let b = try pairGroup(row.fields[2], category: category, known: known, path: path, line: row.line)
            guard a != b else {
                throw PretextError(
                    .invalidConfiguration, "a pair needs two different groups, found '\(a)' twice", path: path,
                    line: row.line)
            }
            try seen.insert("\(category.rawValue): \(min(a, b)) / \(max(a, b))", what: "pair", line: row.line)
            return GroupPair(category: category, groupA: a, groupB: b)
        }
    }

    // MARK: fields

    private static func normalizedTerm(_ row: LexiconRow, seen: inout DuplicateCheck, path: String) throws -> String {
        let term = try LexiconTerm.normalize(row.fields[0])
        try seen.insert(term, what: "term", line: row.line)
        return term
    }

    private static func category(_ name: String, path: String, line: Int) throws -> IdentityCategory {
        guard let category = IdentityCategory(rawValue: name) else {
            throw PretextError(
                .invalidConfiguration, "unknown category '\(name)'; valid categories: \(IdentityCategory.names)",
                path: path, line: line)
        }
        return category
    }

    private static func pairGroup(
        _ name: String, category: IdentityCategory, known: [String], path: String, line: Int
    ) throws -> String {
        let group = try LexiconTerm.slug(name, column: "group", path: path, line: line)
        guard known.contains(group) else {
            let valid = known.isEmpty ? "none" : known.joined(separator: ", ")
            throw PretextError(
                .invalidConfiguration,
                "group '\(group)' has no terms in category \(category.rawValue) of identity.tsv; known groups: \(valid)",
                path: path, line: line)
        }
        return group
    }
}
