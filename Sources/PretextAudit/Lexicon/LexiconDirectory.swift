import PretextCore
import _PretextFileSystem

/// The lexicon directory: which languages it holds, and which names can be languages.
enum LexiconDirectory {
    /// Checks that `language` can name a subdirectory: letters, digits, `-` and `_`.
    ///
    /// - Throws: `PretextError(.invalidConfiguration)` otherwise (it would escape the root).
    static func checkLanguage(_ language: String) throws {
        let valid =
            !language.isEmpty
            && language.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || "0123456789-_".unicodeScalars.contains($0))
            }
        guard valid else {
            throw PretextError(
                .invalidConfiguration,
                "'\(language)' is not a language code: use letters, digits, '-' and '_' (such as 'en' or 'zh')")
        }
    }

    /// The names of the subdirectories of `directory` that hold an `identity.tsv`, sorted.
    ///
    /// - Throws: `PretextError(.notFound)` when `directory` does not exist, `.io` when it cannot
    ///   be listed.
    static func languages(in directory: String) throws -> [String] {
        let names = try FileSystem.directoryEntries(directory).get(orThrow: { errno in
            PretextError(
                errno == .noSuchFile ? .notFound : .io, "cannot list the lexicon directory: \(errno.text)",
                path: directory)
        })
        return names.filter { name in
            !name.hasPrefix(".")
                && FileSystem.exists(FileSystem.join(FileSystem.join(directory, name), LexiconFile.identity.fileName))
        }
    }
}
