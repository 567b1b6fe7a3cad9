#if canImport(Glibc)
import Glibc
#endif

/// Buffers bytes for standard output and writes them with `write(2)` in large chunks
/// (the C `stdout` global is not concurrency-safe to touch from Swift 6).
final class OutputBuffer {
    private var bytes: [UInt8] = []
    private let capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        bytes.reserveCapacity(capacity)
    }

    func append(_ chunk: [UInt8]) {
        bytes.append(contentsOf: chunk)
        if bytes.count >= capacity { flush() }
    }

    /// Writes what is buffered; stops quietly when the reader has gone (`| head`).
    func flush() {
        var start = 0
        while start < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                // `start < count`, so the offset pointer stays inside the buffer.
                write(1, buffer.baseAddress! + start, buffer.count - start)
            }
            if written <= 0 { break }
            start += written
        }
        bytes.removeAll(keepingCapacity: true)
    }

    deinit { flush() }
}
