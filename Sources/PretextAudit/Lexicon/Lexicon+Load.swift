import PretextCore
import _PretextFileSystem

extension Lexicon {
    /// Reads the lexicon of `language` from the files in `directory/language/`.
    ///
    /// `identity.tsv` is required; `pronouns.tsv`, `occupations.tsv`, `descriptors.tsv`,
    /// `offensive.tsv`, `pairs.tsv` and `exclusions.tsv` are optional (a missing file gives an empty list).
    /// Terms are normalized as they are read (`LexiconTerm.normalize`).
    ///
    /// - Parameters:
    ///   - directory: The lexicon root, such as the repository's `lexicons/`.
    ///   - language: The language code, the name of a subdirectory (`en`, `zh`).
    /// - Throws: `PretextError(.notFound)` when `identity.tsv` is missing;
    ///   `.invalidConfiguration` naming the file and line of a malformed entry (wrong column
    ///   count, empty column, unknown category, group or severity, a duplicate term);
    ///   `.io` or `.malformedInput` when a file cannot be read or is not UTF-8.
    /// - Complexity: O(n) in the total size of the files.
    public static func load(directory: String, language: String) throws -> Lexicon {
        try LexiconDirectory.checkLanguage(language)
        let folder = FileSystem.join(directory, language)
        let identity = try read(.identity, in: folder, language: language, LexiconParser.identity)
        var lexicon = Lexicon(language: language, identity: identity)
        lexicon.pronouns = try read(.pronouns, in: folder, language: language) {
            try LexiconParser.labeled($0, file: .pronouns, path: $1)
        }
        lexicon.occupations = try read(.occupations, in: folder, language: language) {
            try LexiconParser.labeled($0, file: .occupations, path: $1)
        }
        lexicon.descriptors = try read(.descriptors, in: folder, language: language) {
            try LexiconParser.labeled($0, file: .descriptors, path: $1)
        }
        lexicon.offensive = try read(.offensive, in: folder, language: language, LexiconParser.offensive)
        let groups = lexicon.groups
        lexicon.pairs = try read(.pairs, in: folder, language: language) {
            try LexiconParser.pairs($0, groups: groups, path: $1)
        }
        lexicon.exclusions = try read(.exclusions, in: folder, language: language) {
            try LexiconParser.labeled($0, file: .exclusions, path: $1)
        }
        return lexicon
    }

    /// Reads `file` from `folder` and parses it with `parse(text, path)`; a missing optional
    /// file gives an empty list.
    private static func read<Entry>(
        _ file: LexiconFile, in folder: String, language: String,
        _ parse: (_ text: String, _ path: String) throws -> [Entry]
    ) throws -> [Entry] {
        let path = FileSystem.join(folder, file.fileName)
        guard FileSystem.exists(path) else {
            guard file.isRequired else { return [] }
            throw PretextError(
                .notFound, "no \(file.fileName) for language '\(language)'; every lexicon needs one", path: path)
        }
        return try parse(try FileText.read(path), path)
    }
}
