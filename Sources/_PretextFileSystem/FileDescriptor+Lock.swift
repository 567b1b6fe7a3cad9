import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `flock(2)` on an open file: an advisory lock that belongs to the open file description and
/// that the kernel releases when the descriptor is closed, including when its process dies.
extension FileDescriptor {
    /// Takes an exclusive `flock(2)` on the file, waiting for other holders.
    package func lockExclusively() throws {
        guard retryingEINTR({ flock(raw, LOCK_EX) }) == 0 else {
            throw PretextError(.io, "cannot lock: \(errnoText())", path: path)
        }
    }

    /// Takes an exclusive `flock(2)` if no one else holds the file locked, without waiting.
    /// - Returns: `false` when another open file description holds a lock on it.
    package func tryLockExclusively() throws -> Bool {
        try tryLock(LOCK_EX)
    }

    /// Takes a shared `flock(2)` if no one holds the file exclusively, without waiting (a
    /// probe: shared holders do not stop each other).
    /// - Returns: `false` when another open file description holds it exclusively.
    package func tryLockShared() throws -> Bool {
        try tryLock(LOCK_SH)
    }

    /// Releases a `flock(2)` taken by one of the methods above.
    package func unlock() {
        _ = flock(raw, LOCK_UN)
    }

    private func tryLock(_ operation: Int32) throws -> Bool {
        if retryingEINTR({ flock(raw, operation | LOCK_NB) }) == 0 { return true }
        if errno == EWOULDBLOCK { return false }
        throw PretextError(.io, "cannot lock: \(errnoText())", path: path)
    }
}
