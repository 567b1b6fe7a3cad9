import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system helpers for the lexicon directory: paths, existence, listing.
enum LexiconDirectory {
    /// Joins two path components with one `/`.
    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

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
    /// - Throws: `PretextError(.io)` when `directory` cannot be listed.
    static func languages(in directory: String) throws -> [String] {
        guard let handle = opendir(directory) else {
            throw PretextError(
                .io, "cannot list the lexicon directory: \(String(cString: strerror(errno)))", path: directory)
        }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            if exists(join(join(directory, name), LexiconFile.identity.fileName)) { names.append(name) }
        }
        return names.sorted()
    }
}
