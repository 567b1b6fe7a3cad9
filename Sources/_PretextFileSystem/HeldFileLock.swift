import PretextCore

/// An exclusive `flock(2)` this process holds on a file (`FileLock.tryLock(at:)`), released by
/// `release()`, when the value goes away, or by the kernel when the process dies.
///
/// The lock file can say who holds it: `record(_:)` replaces its contents, which others read
/// when they find the lock taken. Not thread safe.
package final class HeldFileLock {
    private var descriptor: FileDescriptor?

    /// The lock file's path.
    package let path: String

    init(_ descriptor: FileDescriptor) {
        self.descriptor = descriptor
        self.path = descriptor.path
    }

    deinit { release() }

    /// Replaces the lock file's contents with `text` (who holds it, for whoever finds it held).
    /// - Throws: `PretextError(.io)` when the file cannot be written.
    package func record(_ text: String) throws {
        guard let descriptor else { return }
        try Array(text.utf8).withUnsafeBytes { try descriptor.replaceContents(with: $0) }
    }

    /// Releases the lock; the file stays. Safe to call more than once.
    package func release() {
        guard let descriptor else { return }
        descriptor.unlock()
        try? descriptor.close()
        self.descriptor = nil
    }
}
