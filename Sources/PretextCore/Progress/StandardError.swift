#if canImport(Glibc)
import Glibc
#endif

/// Writes text to standard error with `write(2)`: no shared `FILE *`, safe from any thread.
public enum StandardError {
    /// Writes `text` to file descriptor 2, retrying short writes.
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                // `start < count`, so the base address offset stays inside the buffer.
                Glibc.write(2, buffer.baseAddress! + start, buffer.count - start)
            }
            if written <= 0 { return }
            start += written
        }
        bytes.removeAll()
    }
}
