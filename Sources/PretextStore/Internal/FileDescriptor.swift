import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An owned POSIX file descriptor, closed in `deinit`.
///
/// Three layers as in swift-system: the raw call, a `retryingEINTR` loop, and these throwing
/// methods that turn `errno` into a `PretextError` naming the file.
final class FileDescriptor {
    /// The raw descriptor; `-1` once closed.
    private(set) var raw: Int32
    /// The path the descriptor was opened with, for error messages.
    let path: String

    private init(raw: Int32, path: String) {
        self.raw = raw
        self.path = path
    }

    deinit {
        if raw >= 0 { _ = Glibc.close(raw) }
    }

    /// Opens an existing file for reading.
    static func openForReading(_ path: String) throws -> FileDescriptor {
        let fd = retryingEINTR { Glibc.open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            let code: PretextError.Code = errno == ENOENT ? .notFound : .io
            throw PretextError(code, "cannot open for reading: \(errnoText())", path: path)
        }
        return FileDescriptor(raw: fd, path: path)
    }

    /// Creates (or truncates) a file for writing.
    static func createForWriting(_ path: String) throws -> FileDescriptor {
        let fd = retryingEINTR { Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else {
            throw PretextError(.io, "cannot create file: \(errnoText())", path: path)
        }
        return FileDescriptor(raw: fd, path: path)
    }

    /// Opens a directory so that it can be fsynced after a rename.
    static func openDirectory(_ path: String) throws -> FileDescriptor {
        let fd = retryingEINTR { Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw PretextError(.io, "cannot open directory: \(errnoText())", path: path)
        }
        return FileDescriptor(raw: fd, path: path)
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var info = stat()
        guard fstat(raw, &info) == 0 else {
            throw PretextError(.io, "cannot stat file: \(errnoText())", path: path)
        }
        return Int(info.st_size)
    }

    /// Writes all of `bytes`, retrying short writes.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            // Safe: `done < bytes.count`, so the base plus `done` stays inside the buffer.
            let n = retryingEINTR { Glibc.write(raw, bytes.baseAddress! + done, bytes.count - done) }
            guard n > 0 else {
                throw PretextError(.io, "write failed: \(errnoText())", path: path)
            }
            done += n
        }
    }

    /// Reads exactly `buffer.count` bytes at `offset`, or throws naming what was missing.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buffer.count {
            // Safe: `done < buffer.count`, so the pointer stays inside the buffer.
            let n = retryingEINTR {
                pread(raw, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            }
            if n < 0 {
                throw PretextError(.io, "read failed: \(errnoText())", path: path, offset: Int64(offset + done))
            }
            if n == 0 {
                throw PretextError(
                    .corrupt, "file ends early: wanted \(buffer.count) bytes", path: path,
                    offset: Int64(offset + done))
            }
            done += n
        }
    }

    /// Flushes the file's data and metadata to stable storage.
    func sync() throws {
        guard retryingEINTR({ fsync(raw) }) == 0 else {
            throw PretextError(.io, "fsync failed: \(errnoText())", path: path)
        }
    }

    /// Closes the descriptor, reporting a failed close (which can mean lost writes).
    func close() throws {
        guard raw >= 0 else { return }
        let result = Glibc.close(raw)
        raw = -1
        guard result == 0 else {
            throw PretextError(.io, "close failed: \(errnoText())", path: path)
        }
    }
}

/// Repeats a system call while it fails with `EINTR`.
@inline(__always)
func retryingEINTR<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result >= 0 || errno != EINTR { return result }
    }
}

/// The text of the current `errno`.
func errnoText() -> String {
    String(cString: strerror(errno))
}
