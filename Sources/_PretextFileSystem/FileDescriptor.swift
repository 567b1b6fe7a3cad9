import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An owned POSIX file descriptor, closed in `deinit`.
///
/// Three layers as in swift-system: the raw call inside `retryingEINTR`, functions returning
/// `Result<_, Errno>` (`open(_:flags:)`, `readSome(into:)`) for callers with their own error
/// type, and throwing methods that turn `errno` into a `PretextError` naming the file.
package final class FileDescriptor {
    /// The raw descriptor; `-1` once closed.
    package private(set) var raw: Int32
    /// The path the descriptor was opened with, for error messages.
    package let path: String

    private init(raw: Int32, path: String) {
        self.raw = raw
        self.path = path
    }

    deinit {
        if raw >= 0 { _ = Glibc.close(raw) }
    }

    /// Opens `path` with `flags` (`O_CLOEXEC` is added), creating it with `mode` when asked.
    package static func open(
        _ path: String, flags: Int32, mode: mode_t = 0o644
    ) -> Result<FileDescriptor, Errno> {
        let fd = retryingEINTR { Glibc.open(path, flags | O_CLOEXEC, mode) }
        guard fd >= 0 else { return .failure(.current) }
        return .success(FileDescriptor(raw: fd, path: path))
    }

    /// Opens an existing file for reading.
    package static func openForReading(_ path: String) throws -> FileDescriptor {
        try open(path, flags: O_RDONLY).get(orThrow: { errno in
            PretextError(
                errno == .noSuchFile ? .notFound : .io, "cannot open for reading: \(errno.text)", path: path)
        })
    }

    /// Creates (or truncates) a file for writing.
    package static func createForWriting(_ path: String) throws -> FileDescriptor {
        try open(path, flags: O_WRONLY | O_CREAT | O_TRUNC).get(orThrow: { errno in
            PretextError(.io, "cannot create file: \(errno.text)", path: path)
        })
    }

    /// Opens a directory so that it can be fsynced after a rename.
    package static func openDirectory(_ path: String) throws -> FileDescriptor {
        try open(path, flags: O_RDONLY | O_DIRECTORY).get(orThrow: { errno in
            PretextError(.io, "cannot open directory: \(errno.text)", path: path)
        })
    }

    /// The file's size in bytes.
    package func size() throws -> Int {
        var info = stat()
        guard fstat(raw, &info) == 0 else {
            throw PretextError(.io, "cannot stat file: \(errnoText())", path: path)
        }
        return Int(info.st_size)
    }

    /// Reads up to `buffer.count` bytes at the current position; 0 at the end of the file.
    package func readSome(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int, Errno> {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(0) }
        let n = retryingEINTR { Glibc.read(raw, base, buffer.count) }
        return n >= 0 ? .success(n) : .failure(.current)
    }

    /// Reads up to `buffer.count` bytes at `offset` without moving the position; 0 at the end.
    package func readSome(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Result<Int, Errno> {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return .success(0) }
        let n = retryingEINTR { pread(raw, base, buffer.count, off_t(offset)) }
        return n >= 0 ? .success(n) : .failure(.current)
    }

    /// Writes all of `bytes`, retrying short writes.
    package func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
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
    package func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        var done = 0
        while done < buffer.count {
            // Safe: `done < buffer.count`, so the rebased slice stays inside the buffer.
            let rest = UnsafeMutableRawBufferPointer(rebasing: buffer[done...])
            switch readSome(into: rest, at: offset + done) {
            case .failure(let errno):
                throw PretextError(.io, "read failed: \(errno.text)", path: path, offset: Int64(offset + done))
            case .success(0):
                throw PretextError(
                    .corrupt, "file ends early: wanted \(buffer.count) bytes", path: path,
                    offset: Int64(offset + done))
            case .success(let n):
                done += n
            }
        }
    }

    /// Flushes the file's data and metadata to stable storage.
    package func sync() throws {
        guard retryingEINTR({ fsync(raw) }) == 0 else {
            throw PretextError(.io, "fsync failed: \(errnoText())", path: path)
        }
    }

    /// Empties the file and writes `bytes` from its start.
    package func replaceContents(with bytes: UnsafeRawBufferPointer) throws {
        guard retryingEINTR({ ftruncate(raw, 0) }) == 0, lseek(raw, 0, SEEK_SET) == 0 else {
            throw PretextError(.io, "cannot truncate file: \(errnoText())", path: path)
        }
        try writeAll(bytes)
    }

    /// Closes the descriptor, reporting a failed close (which can mean lost writes).
    package func close() throws {
        guard raw >= 0 else { return }
        let result = Glibc.close(raw)
        raw = -1
        guard result == 0 else {
            throw PretextError(.io, "close failed: \(errnoText())", path: path)
        }
    }
}

extension Result where Failure == Errno {
    /// The success value, or the error `wrap` makes of the failure.
    package func get(orThrow wrap: (Errno) -> PretextError) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let errno): throw wrap(errno)
        }
    }
}
