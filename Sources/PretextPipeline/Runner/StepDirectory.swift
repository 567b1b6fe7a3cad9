import PretextCore
import PretextStore

#if canImport(Glibc)
import Glibc
#endif

/// Housekeeping of a step's output directory.
enum StepDirectory {
    /// Removes the dataset at `path` when its catalog holds `step` written with a configuration
    /// other than `hash` or another world size (`--overwrite`); leaves it alone otherwise, so
    /// finished tasks are kept.
    static func removeIfForeign(_ path: String, step: Int, hash: String, worldSize: Int) throws {
        guard let dataset = try? Dataset.open(at: path) else { return }
        let catalog = try dataset.openCatalog(readOnly: true)
        let rows = try catalog.query(
            "SELECT count(*) FROM runs WHERE step = ? AND (config_hash <> ? OR world_size <> ?)",
            [.integer(Int64(step)), .text(hash), .integer(Int64(worldSize))])
        guard rows.rows.first?.first?.int ?? 0 > 0 else { return }
        try removeTree(path)
    }

    /// Deletes a directory tree (`rm -rf`), refusing paths that are not datasets.
    static func removeTree(_ path: String) throws {
        guard access(path + "/" + Dataset.catalogName, F_OK) == 0 else {
            throw PretextError(
                .invalidConfiguration, "refusing to delete a directory that is not a dataset", path: path)
        }
        try removeRecursively(path)
    }

    private static func removeRecursively(_ path: String) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            guard let directory = opendir(path) else {
                throw PretextError(.io, "cannot list directory", path: path)
            }
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) {
                    String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { try removeRecursively(path + "/" + name) }
            guard rmdir(path) == 0 else { throw PretextError(.io, "cannot remove directory", path: path) }
        } else {
            guard unlink(path) == 0 else { throw PretextError(.io, "cannot remove file", path: path) }
        }
    }
}
