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
    /// Whether reads go through `pread` from `compressedOffset` (a source opened at an
    /// offset) rather than `read` from the descriptor's position.
    private let positioned: Bool

    /// Opens `path` for reading from its first byte, or from byte `offset` (for reading a
    /// byte range of a plain file; `compressedOffset` then counts from the file's start).
    /// - Throws: `ByteSourceError` (`.unreadable`) naming the system error.
    public init(path: String, offset: Int64 = 0) throws(ByteSourceError) {
        self.path = path
        compressedOffset = max(0, offset)
        positioned = offset > 0
        switch FileDescriptor.open(path, flags: O_RDONLY) {
        case .success(let file): self.file = file
        case .failure(let errno):
            throw ByteSourceError(.unreadable, path: path, compressedOffset: 0, "cannot open: \(errno.text)")
        }
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        let result = positioned ? file.readSome(into: buffer, at: Int(compressedOffset)) : file.readSome(into: buffer)
        switch result {
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
