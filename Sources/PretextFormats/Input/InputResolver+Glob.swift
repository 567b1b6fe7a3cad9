import Foundation
import _PretextFileSystem

extension InputResolver {
    /// Expands a glob pattern to the paths it matches, sorted.
    ///
    /// Without `**` this is POSIX `glob(3)`. With `**`, the part before the first `**` is
    /// globbed to directories, each is walked recursively, and every file path is matched
    /// with `fnmatch(3)` (without `FNM_PATHNAME`, so `*` also crosses `/`) against the
    /// pattern, and against the pattern with `**/` removed so `a/**/x` also matches `a/x`.
    static func expand(pattern: String) -> [String] {
        guard let range = pattern.range(of: "**") else { return posixGlob(pattern) }
        var prefix = String(pattern[..<range.lowerBound])
        while prefix.hasSuffix("/") && prefix.count > 1 { prefix.removeLast() }
        let roots = prefix.isEmpty ? ["."] : (isPattern(prefix) ? posixGlob(prefix) : [prefix])
        let shortPattern = pattern.replacingOccurrences(of: "**/", with: "")
        var matches: [String] = []
        for root in roots {
            for file in allFiles(under: root) {
                let candidate = prefix.isEmpty && file.hasPrefix("./") ? String(file.dropFirst(2)) : file
                if fnmatch(pattern, candidate, 0) == 0 || fnmatch(shortPattern, candidate, 0) == 0 {
                    matches.append(candidate)
                }
            }
        }
        return matches.sorted()
    }

    private static func posixGlob(_ pattern: String) -> [String] {
        var result = glob_t()
        defer { globfree(&result) }
        guard glob(pattern, 0, nil, &result) == 0 else { return [] }
        var paths: [String] = []
        for i in 0..<Int(result.gl_pathc) {
            // Safe: glob filled gl_pathv with gl_pathc C strings.
            if let cString = result.gl_pathv[i] { paths.append(String(cString: cString)) }
        }
        return paths.sorted()
    }

    /// Every non-hidden regular file under `root`, recursively.
    private static func allFiles(under root: String) -> [String] {
        var files: [String] = []
        var pending = [root]
        while let directory = pending.popLast() {
            for name in (try? FileSystem.listDirectory(directory)) ?? [] where !name.hasPrefix(".") {
                let path = FileSystem.join(directory, name)
                switch FileSystem.entry(at: path)?.kind {
                case .directory: pending.append(path)
                case .regularFile: files.append(path)
                default: continue
                }
            }
        }
        return files
    }
}
