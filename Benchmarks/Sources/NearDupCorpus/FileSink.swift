import Foundation

/// A buffered output file (1 MiB buffer, fwrite); exits on an I/O error.
final class FileSink {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var buffer: [UInt8] = []
    private(set) var bytesWritten = 0

    init(_ path: String) {
        guard let file = fopen(path, "wb") else { fail("cannot open \(path) for writing") }
        self.file = file
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    func write(_ bytes: [UInt8]) {
        buffer += bytes
        bytesWritten += bytes.count
        if buffer.count >= 1 << 20 { flush() }
    }

    func close() {
        flush()
        if fclose(file) != 0 { fail("cannot close \(path)") }
    }

    private func flush() {
        let written = buffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count { fail("cannot write \(path)") }
        buffer.removeAll(keepingCapacity: true)
    }
}
