import PretextCore
import _PretextFileSystem

extension Dataset {
    /// The directories a catalog's shard paths may name.
    static let shardDirectories = ["shards", "rejects"]

    /// Why a path read from the catalog may not be used, or `nil` when it may: it must be
    /// relative, start with `shards/` or `rejects/`, and have no empty, `.` or `..` component.
    /// This rule is lexical; `shardFile(_:)` also follows symbolic links.
    public static func confinementViolation(_ relative: String) -> String? {
        let components = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !relative.hasPrefix("/") else { return "the path is absolute" }
        guard components.count >= 2, shardDirectories.contains(String(components[0])) else {
            return "the path is not under shards/ or rejects/"
        }
        if components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            return "the path has an empty, '.' or '..' component"
        }
        return nil
    }

    /// The file of the shard the catalog lists at `relative`, checked to stay inside the
    /// dataset folder: the lexical rule of `confinementViolation(_:)`, then the file's real
    /// path (symbolic links followed) inside the dataset's real path.
    ///
    /// - Throws: `.corrupt` naming the shard when the path leaves the folder or the file is
    ///   missing (the catalog lists a shard the dataset lacks: a damaged dataset).
    public func shardFile(_ relative: String) throws -> String {
        if let violation = Self.confinementViolation(relative) {
            throw PretextError(
                .corrupt, "the catalog's shard path '\(relative)' is refused: \(violation); the dataset is damaged",
                path: catalogPath)
        }
        let file = path(relative)
        guard let real = FileSystem.canonicalPath(file) else {
            throw PretextError(
                .corrupt, "the catalog lists this shard but its file is missing; run `pretext verify`", path: file)
        }
        guard let base = FileSystem.canonicalPath(root), real.hasPrefix(base == "/" ? "/" : base + "/") else {
            throw PretextError(
                .corrupt, "the shard's file is a symbolic link leaving the dataset folder; the dataset is damaged",
                path: file)
        }
        return file
    }
}

extension Dataset {
    /// Opens the shard of a catalog row after checking that the file is the one the row
    /// describes: inside the dataset folder (`shardFile(_:)`), of the row's size, with the
    /// row's number of frames and decompressed bytes (from the seek table, without
    /// decompressing). Frames are checksum-verified as they are read.
    ///
    /// - Throws: `.corrupt` naming the shard for any disagreement; the reader's errors.
    public func openShard(_ row: ShardRow) throws -> ShardReader {
        let file = try shardFile(row.path)
        let reader = try ShardReader(path: file)
        let claims = [
            ("bytes", reader.fileSize, row.bytesCompressed), ("frames", reader.frameCount, row.frames),
            ("decompressed bytes", reader.bytesRaw, row.bytesRaw),
        ]
        if let (what, actual, listed) = claims.first(where: { $0.1 != $0.2 }) {
            throw PretextError(
                .corrupt, "the file has \(actual) \(what), its catalog row says \(listed); run `pretext verify`",
                path: file)
        }
        return reader
    }
}
