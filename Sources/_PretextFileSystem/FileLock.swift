import PretextCore

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` on a file, for work that several processes may race to do
/// (the last ranks of a step finishing together both try to merge).
package enum FileLock {
    /// Runs `body` while holding the lock on `path` (created if missing).
    ///
    /// - Throws: `PretextError(.io)` when the lock file cannot be opened or locked; `body`'s errors.
    package static func withLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = try FileDescriptor.open(path, flags: O_RDWR | O_CREAT).get(orThrow: { errno in
            PretextError(.io, "cannot open lock file: \(errno.text)", path: path)
        })
        try descriptor.lockExclusively()
        defer { descriptor.unlock() }
        return try body()
    }
}
