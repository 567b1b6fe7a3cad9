import PretextCore

#if canImport(Glibc)
import Glibc
#endif

/// Exclusive `flock(2)` locks on files: held while work runs that several processes may race
/// to do (the last ranks of a step finishing together both try to merge), or for as long as a
/// process writes something no other process may write at the same time (an output folder).
///
/// The kernel releases a `flock` when its descriptor closes, so a process that dies, even by
/// SIGKILL, never leaves a lock behind; the lock file itself stays, and is reused.
package enum FileLock {
    /// Runs `body` while holding the lock on `path` (created if missing), waiting for it.
    ///
    /// - Throws: `PretextError(.io)` when the lock file cannot be opened or locked; `body`'s errors.
    package static func withLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = try open(path)
        try descriptor.lockExclusively()
        defer { descriptor.unlock() }
        return try body()
    }

    /// Takes the lock on `path` (created if missing) unless another holder has it, without
    /// waiting.
    /// - Returns: the held lock, released when it is released or goes away; `nil` when another
    ///   open file description (another process, or another lock in this one) holds it.
    /// - Throws: `PretextError(.io)` when the lock file cannot be opened or locked.
    package static func tryLock(at path: String) throws -> HeldFileLock? {
        let descriptor = try open(path)
        guard try descriptor.tryLockExclusively() else { return nil }
        return HeldFileLock(descriptor)
    }

    /// Whether some holder has the lock on `path` right now (a missing file is not held).
    ///
    /// Probes with a shared lock, released at once: a holder taking the lock during the probe
    /// sees it held for that instant, so takers retry briefly.
    package static func isHeld(at path: String) throws -> Bool {
        guard FileSystem.exists(path) else { return false }
        let descriptor = try open(path)
        guard try descriptor.tryLockShared() else { return true }
        descriptor.unlock()
        return false
    }

    private static func open(_ path: String) throws -> FileDescriptor {
        try FileDescriptor.open(path, flags: O_RDWR | O_CREAT).get(orThrow: { errno in
            PretextError(.io, "cannot open lock file: \(errno.text)", path: path)
        })
    }
}
