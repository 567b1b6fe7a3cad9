import _PretextFileSystem

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
    private let file: FileDescriptor

    /// Opens `path` for reading.
    /// - Throws: `ByteSourceError` (`.unreadable`) naming the system error.
    public init(path: String) throws(ByteSourceError) {
        self.path = path
        switch FileDescriptor.open(path, flags: O_RDONLY) {
        case .success(let file): self.file = file
        case .failure(let errno):
            throw ByteSourceError(.unreadable, path: path, compressedOffset: 0, "cannot open: \(errno.text)")
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        switch file.readSome(into: buffer) {
        case .success(let n):
            compressedOffset += Int64(n)
            return n
        case .failure(let errno):
            throw ByteSourceError(
                .unreadable, path: path, compressedOffset: compressedOffset, "read failed: \(errno.text)")
        }
    }

    /// Reads up to `count` bytes at file offset 0 without moving the read position (for
    /// sniffing magic bytes).
    func peekPrefix(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { (try? file.readSome(into: $0, at: 0).get()) ?? 0 }
        return Array(bytes.prefix(n))
    }
}
