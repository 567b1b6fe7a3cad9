import PretextCore

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` on a file, for work that several processes may race to do
/// (the last ranks of a step finishing together both try to merge).
enum FileLock {
    static func withLock<T>(at path: String, _ body: () throws -> T) throws -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PretextError(.io, "cannot open lock file: \(String(cString: strerror(errno)))", path: path)
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw PretextError(.io, "cannot lock: \(String(cString: strerror(errno)))", path: path)
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
