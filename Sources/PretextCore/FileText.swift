#if canImport(Glibc)
import Glibc
#endif

/// Reads small text files (pipeline files, lexicons) with errors that name the file.
public enum FileText {
    /// The largest file `read` accepts: configuration files are small.
    public static let maximumBytes = 16 << 20

    /// Returns the contents of the file at `path` decoded as UTF-8.
    ///
    /// - Throws: `PretextError(.io)` when the file cannot be read, `.limitExceeded` when it is
    ///   larger than `maximumBytes`, `.malformedInput` when it is not valid UTF-8.
    public static func read(_ path: String) throws -> String {
        guard let file = fopen(path, "rb") else {
            throw PretextError(.io, "cannot open file: \(String(cString: strerror(errno)))", path: path)
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumBytes {
                throw PretextError(.limitExceeded, "file is larger than \(maximumBytes) bytes", path: path)
            }
        }
        if ferror(file) != 0 {
            throw PretextError(.io, "cannot read file", path: path)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PretextError(.malformedInput, "file is not valid UTF-8", path: path)
        }
        return text
    }
}
