import PretextCore

/// The lexicons of several languages, looked up by a document's language code.
///
/// A lookup falls back from a tagged code to its primary language: `zh-Hant` uses the `zh`
/// lexicon unless a `zh-Hant` one is loaded (the `zh` lists carry traditional forms too).
public struct LexiconSet: Sendable, Hashable {
    /// The lexicons by language code.
    public var lexicons: [String: Lexicon]

    /// Creates a set from lexicons; a later lexicon replaces an earlier one of its language.
    public init(_ lexicons: [Lexicon]) {
        self.lexicons = [:]
        for lexicon in lexicons { self.lexicons[lexicon.language] = lexicon }
    }

    /// The language codes in the set, sorted.
    public var languages: [String] { lexicons.keys.sorted() }

    /// The lexicon for a document in `language`: an exact match, else the lexicon of the
    /// part before the first `-` or `_` (`zh-Hant` → `zh`), else `nil`.
    public func lexicon(for language: String) -> Lexicon? {
        if let lexicon = lexicons[language] { return lexicon }
        guard let cut = language.firstIndex(where: { $0 == "-" || $0 == "_" }) else { return nil }
        return lexicons[String(language[..<cut])]
    }

    /// Reads the lexicons of `languages` from `directory` (see `Lexicon.load(directory:language:)`).
    ///
    /// - Parameter languages: Language codes; `nil` loads every subdirectory that holds an
    ///   `identity.tsv`.
    /// - Throws: the first error of `Lexicon.load`; `PretextError(.notFound)` when `directory`
    ///   does not exist, `.io` when it cannot be listed.
    public static func load(directory: String, languages: [String]? = nil) throws -> LexiconSet {
        let codes = try languages ?? availableLanguages(in: directory)
        return LexiconSet(try codes.map { try Lexicon.load(directory: directory, language: $0) })
    }

    /// The languages that have a lexicon in `directory`: subdirectories holding an
    /// `identity.tsv`, sorted.
    ///
    /// - Throws: `PretextError(.notFound)` when `directory` does not exist, `.io` when it cannot
    ///   be listed.
    public static func availableLanguages(in directory: String) throws -> [String] {
        try LexiconDirectory.languages(in: directory)
    }
}
