import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The project's file-system calls (no Foundation on these paths): paths, existence,
/// directories, renames and removal. Every module that touches the file system goes
/// through here, `FileDescriptor` and `FileLock`.
package enum FileSystem {
    /// What a path names, as `stat(2)` (following links) sees it.
    package struct Entry: Sendable, Equatable {
        /// The kinds of entries callers tell apart.
        package enum Kind: Sendable, Equatable {
            case directory
            case regularFile
            case other
        }

        /// The entry's kind.
        package var kind: Kind
        /// Its size in bytes.
        package var size: Int64
    }

    /// What `path` names, or `nil` when it does not exist or cannot be examined.
    package static func entry(at path: String) -> Entry? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let kind: Entry.Kind
        switch info.st_mode & S_IFMT {
        case S_IFDIR: kind = .directory
        case S_IFREG: kind = .regularFile
        default: kind = .other
        }
        return Entry(kind: kind, size: Int64(info.st_size))
    }

    /// Whether something exists at `path`.
    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Whether `path` is a directory.
    package static func isDirectory(_ path: String) -> Bool {
        entry(at: path)?.kind == .directory
    }

    /// Creates `path` and its missing parents; existing directories are fine.
    package static func createDirectory(_ path: String) throws {
        if isDirectory(path) { return }
        let parent = parentDirectory(of: path)
        if !parent.isEmpty, parent != path { try createDirectory(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw PretextError(.io, "cannot create directory: \(errnoText())", path: path)
        }
    }

    /// Removes a file; a missing file is not an error.
    package static func removeFile(_ path: String) throws {
        if unlink(path) != 0, errno != ENOENT {
            throw PretextError(.io, "cannot remove file: \(errnoText())", path: path)
        }
    }

    /// Removes `path` and everything under it (`rm -rf`, without following links); a missing
    /// path is not an error.
    package static func removeTree(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return try removeFile(path) }
        for name in try listDirectory(path) { try removeTree(join(path, name)) }
        guard rmdir(path) == 0 else {
            throw PretextError(.io, "cannot remove directory: \(errnoText())", path: path)
        }
    }

    /// Atomically renames `from` to `to`, replacing `to`.
    package static func rename(_ from: String, to: String) throws {
        guard Glibc.rename(from, to) == 0 else {
            throw PretextError(.io, "cannot rename to \(to): \(errnoText())", path: from)
        }
    }

    /// Fsyncs a directory so that a rename inside it is durable.
    package static func syncDirectory(_ path: String) throws {
        let fd = try FileDescriptor.openDirectory(path)
        try fd.sync()
        try fd.close()
    }

    /// The names in a directory (without `.` and `..`, hidden ones included), sorted.
    package static func directoryEntries(_ path: String) -> Result<[String], Errno> {
        guard let dir = opendir(path) else { return .failure(.current) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                // Safe: d_name is a NUL-terminated C string inside the dirent.
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return .success(names.sorted())
    }

    /// The names in a directory (see `directoryEntries`); empty if it does not exist.
    package static func listDirectory(_ path: String) throws -> [String] {
        switch directoryEntries(path) {
        case .success(let names): return names
        case .failure(.noSuchFile): return []
        case .failure(let errno): throw PretextError(.io, "cannot list directory: \(errno.text)", path: path)
        }
    }

    /// The absolute path of `path` with every symbolic link, `.` and `..` resolved
    /// (`realpath(3)`), or `nil` when it does not exist or cannot be resolved.
    package static func canonicalPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The directory part of a path (`""` when there is none).
    package static func parentDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    package static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Joins two path parts with one `/`.
    package static func join(_ base: String, _ name: String) -> String {
        if base.isEmpty { return name }
        return base.hasSuffix("/") ? base + name : base + "/" + name
    }
}
