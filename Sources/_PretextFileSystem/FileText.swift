import PretextCore

#if canImport(Glibc)
import Glibc
#endif

/// Reads small text files (pipeline files, lexicons) with errors that name the file.
package enum FileText {
    /// The largest file `read` accepts: configuration files are small.
    package static let maximumBytes = 16 << 20

    /// Returns the contents of the file at `path` decoded as UTF-8.
    ///
    /// - Throws: `PretextError(.notFound)` when there is no such file, `.io` when it cannot be
    ///   read, `.limitExceeded` when it is larger than `maximumBytes`, `.malformedInput` when it
    ///   is not valid UTF-8.
    package static func read(_ path: String) throws -> String {
        let file = try FileDescriptor.open(path, flags: O_RDONLY).get(orThrow: { errno in
            PretextError(errno == .noSuchFile ? .notFound : .io, "cannot open file: \(errno.text)", path: path)
        })
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = try chunk.withUnsafeMutableBytes { file.readSome(into: $0) }.get(orThrow: { _ in
                PretextError(.io, "cannot read file", path: path)
            })
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumBytes {
                throw PretextError(.limitExceeded, "file is larger than \(maximumBytes) bytes", path: path)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PretextError(.malformedInput, "file is not valid UTF-8", path: path)
        }
        return text
    }
}
