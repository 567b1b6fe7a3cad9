#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Raw bytes of a file, read with `read(2)`.
///
/// Used directly for uncompressed files and as the input of the decompressing sources.
public final class FileByteSource: ByteSource {
    /// The preferred read size: 1 MiB.
    public static let chunkSize = 1 << 20

    public let path: String
    public private(set) var compressedOffset: Int64 = 0
    private let fd: Int32

    /// Opens `path` for reading.
    /// - Throws: `ByteSourceError` (`.unreadable`) naming the system error.
    public init(path: String) throws(ByteSourceError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ByteSourceError(
                .unreadable, path: path, compressedOffset: 0, "cannot open: \(FileByteSource.errnoText())")
        }
        self.fd = fd
    }

    deinit { close(fd) }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 {
                compressedOffset += Int64(n)
                return n
            }
            if errno == EINTR { continue }
            throw ByteSourceError(
                .unreadable, path: path, compressedOffset: compressedOffset,
                "read failed: \(FileByteSource.errnoText())")
        }
    }

    /// Reads up to `count` bytes at file offset 0 without moving the read position (for
    /// sniffing magic bytes).
    func peekPrefix(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, 0) }
        return Array(bytes.prefix(max(n, 0)))
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
