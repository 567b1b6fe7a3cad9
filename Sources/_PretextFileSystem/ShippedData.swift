import PretextCore

/// The data folders that ship with `pretext` (the audit's `lexicons/`), found from the
/// running executable rather than the current directory, so every command works from any
/// directory.
///
/// Looked for, in order, where `BIN` is the folder of the executable (links resolved):
/// 1. `BIN/../share/pretext/NAME`: an installed layout (`PREFIX/bin/pretext` and
///    `PREFIX/share/pretext/`, what `scripts/install` writes);
/// 2. `REPO/NAME`, when `BIN` is inside `REPO/.build/` (any build folder under it): `pretext`
///    or a test bundle built in the repository.
///
/// There is no fallback to the current directory: a missing folder is an error saying where
/// it looked.
package enum ShippedData {
    /// The folder `name` shipped with the running executable.
    ///
    /// - Parameters:
    ///   - name: the folder (`lexicons`).
    ///   - override: how the user names another folder instead, for the error
    ///     (`--lexicons DIR, or the audit step's lexicons option`).
    /// - Throws: `PretextError(.notFound)` listing the places looked at.
    package static func directory(_ name: String, override: String) throws -> String {
        guard let executable = FileSystem.canonicalPath("/proc/self/exe") else {
            throw PretextError(.notFound, "cannot find the running executable (/proc/self/exe) to locate its \(name)/")
        }
        let places = candidates(name, executable: executable)
        guard let found = places.first(where: FileSystem.isDirectory) else {
            throw PretextError(
                .notFound,
                "the \(name)/ folder shipped with pretext is not in \(places.joined(separator: " or ")); "
                    + "install pretext with scripts/install, or give the folder (\(override))")
        }
        return found
    }

    /// Where `name` may be for the executable at `executable` (an absolute, resolved path), in
    /// the order they are tried.
    package static func candidates(_ name: String, executable: String) -> [String] {
        let bin = FileSystem.parentDirectory(of: executable)
        var places = [FileSystem.join(FileSystem.join(FileSystem.parentDirectory(of: bin), "share/pretext"), name)]
        var folder = bin
        while folder.count > 1 {
            if FileSystem.lastComponent(of: folder) == ".build" {
                places.append(FileSystem.join(FileSystem.parentDirectory(of: folder), name))
                break
            }
            folder = FileSystem.parentDirectory(of: folder)
        }
        return places
    }
}
