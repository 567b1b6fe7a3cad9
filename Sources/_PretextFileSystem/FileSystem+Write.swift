import PretextCore

extension FileSystem {
    /// Writes `bytes` as the file `path`, whole or not at all: a temporary file beside it
    /// (`.NAME.tmp`), fsynced, renamed over `path`, and the directory fsynced.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let directory = parentDirectory(of: path)
        let temporary = join(directory, "." + lastComponent(of: path) + ".tmp")
        let descriptor = try FileDescriptor.createForWriting(temporary)
        try bytes.withUnsafeBytes { try descriptor.writeAll($0) }
        try descriptor.sync()
        try descriptor.close()
        try rename(temporary, to: path)
        try syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// The whole file at `path`.
    ///
    /// - Throws: `PretextError(.limitExceeded)` when it is larger than `limit` bytes; `.io`
    ///   or `.notFound` when it cannot be read.
    package static func readFile(_ path: String, limit: Int = .max) throws -> [UInt8] {
        let descriptor = try FileDescriptor.openForReading(path)
        let size = try descriptor.size()
        guard size <= limit else {
            throw PretextError(.limitExceeded, "file is larger than \(limit) bytes", path: path)
        }
        var bytes = [UInt8](repeating: 0, count: size)
        try bytes.withUnsafeMutableBytes { try descriptor.read(into: $0, at: 0) }
        return bytes
    }
}
