import PretextCore
import _PretextFileSystem

/// Reads a shard in the zstd seekable format with `pread`: the seek table on open, then
/// frames on demand, never the whole file.
///
/// Opening validates the seek table (footer magic, descriptor, frame count against the file
/// size, frame sizes adding up to the file size minus the table, no decompressed size past
/// `maxFrameSize` or past what zstd can expand its compressed size to) and bounds every size it
/// reads. Reading a frame checks its decompressed size against the frame's own zstd header
/// (`ZstdFrameClaim`) before a buffer is sized from it. Every decompressed frame is checked against its XXH64 checksum unless
/// `verifyChecksums` is off; a mismatch throws `PretextError(.corrupt)` naming the shard and
/// frame. Keeps the last decompressed frame, so records read in order cost one decompression
/// per frame. Not thread safe: use one reader per thread.
public final class ShardReader {
    /// The shard's path.
    public let path: String
    /// The seek table.
    public let seekTable: SeekTable
    /// The file's size in bytes.
    public let fileSize: Int
    /// Whether frames are checked against their checksums.
    public let verifyChecksums: Bool

    private let file: FileDescriptor
    private let decompressor: ZstdFrameDecompressor
    /// Byte offset of each frame in the file.
    private let frameOffsets: [Int]
    /// Reused buffer for compressed frames.
    private var compressedBuffer: [UInt8] = []
    /// The last decompressed frame, and its index (-1 for none).
    private var cachedFrame: [UInt8] = []
    private var cachedIndex = -1

    /// Opens a shard and reads its seek table.
    /// - Parameters:
    ///   - path: the shard file.
    ///   - verifyChecksums: check each frame's XXH64 on read (default on).
    ///   - maxFrameSize: refuse frames claiming more decompressed bytes (default 1 GiB).
    /// - Throws: `.notFound` for a missing file; `.corrupt` for a truncated or damaged
    ///   file, naming what is wrong; `.limitExceeded` for sizes past the bounds.
    public init(path: String, verifyChecksums: Bool = true, maxFrameSize: Int = 1 << 30) throws {
        self.path = path
        self.verifyChecksums = verifyChecksums
        self.file = try FileDescriptor.openForReading(path)
        self.decompressor = try ZstdFrameDecompressor(maxFrameSize: maxFrameSize)
        let size = try file.size()
        self.fileSize = size
        self.seekTable = try Self.readSeekTable(file, size: size, path: path)
        self.frameOffsets = try Self.frameOffsets(seekTable, maxFrameSize: maxFrameSize, path: path)
    }

    /// The byte offset of each frame, after checking every entry's decompressed-size claim
    /// against `maxFrameSize` and against what its compressed size can expand to.
    private static func frameOffsets(_ table: SeekTable, maxFrameSize: Int, path: String) throws -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(table.entries.count)
        var offset = 0
        for (index, entry) in table.entries.enumerated() {
            offsets.append(offset)
            if Int(entry.decompressedSize) > maxFrameSize {
                throw PretextError(
                    .limitExceeded,
                    "frame \(index) claims \(entry.decompressedSize) bytes, more than the limit \(maxFrameSize)",
                    path: path)
            }
            do {
                try ZstdFrameClaim.checkRatio(
                    claimed: Int(entry.decompressedSize), compressedSize: Int(entry.compressedSize))
            } catch let error as PretextError {
                throw PretextError(error.code, "frame \(index): \(error.message)", path: path, offset: Int64(offset))
            }
            offset += Int(entry.compressedSize)
        }
        return offsets
    }

    private static func readSeekTable(_ file: FileDescriptor, size: Int, path: String) throws -> SeekTable {
        guard size >= SeekTable.headerSize + SeekTable.footerSize else {
            throw PretextError(
                .corrupt, "file of \(size) bytes is too small to be a seekable zstd shard (truncated?)", path: path)
        }
        var footerBytes = [UInt8](repeating: 0, count: SeekTable.footerSize)
        try footerBytes.withUnsafeMutableBytes { try file.read(into: $0, at: size - SeekTable.footerSize) }
        let footer = try footerBytes.withUnsafeBytes { try SeekTable.parseFooter($0, fileSize: size, path: path) }
        var tableBytes = [UInt8](repeating: 0, count: footer.tableSize)
        try tableBytes.withUnsafeMutableBytes { try file.read(into: $0, at: size - footer.tableSize) }
        return try tableBytes.withUnsafeBytes { try SeekTable.parse($0, footer: footer, fileSize: size, path: path) }
    }

    /// The number of frames.
    public var frameCount: Int { seekTable.entries.count }

    /// The decompressed size of frame `index`.
    public func frameSize(_ index: Int) -> Int { Int(seekTable.entries[index].decompressedSize) }

    /// Total decompressed bytes.
    public var bytesRaw: Int { seekTable.entries.reduce(0) { $0 + Int($1.decompressedSize) } }

    /// Frame `index`, decompressed and (by default) checksum-verified, as a new array.
    /// - Throws: `.notFound` for an index out of range; `.corrupt` naming the shard and frame
    ///   for damaged data or a checksum mismatch.
    public func frame(_ index: Int) throws -> [UInt8] {
        try withFrame(index) { [UInt8]($0) }
    }

    /// Calls `body` with frame `index`, decompressed and verified, without copying it.
    /// The buffer is valid only inside `body`.
    public func withFrame<R>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        try loadFrame(index)
        return try cachedFrame.withUnsafeBytes(body)
    }

    /// One record's bytes, copied out of its frame.
    /// - Throws: `.corrupt` when the location does not lie inside the frame.
    public func record(frame: Int, offset: Int, length: Int) throws -> [UInt8] {
        try withRecord(frame: frame, offset: offset, length: length) { [UInt8]($0) }
    }

    /// Calls `body` with one record's bytes, without copying them.
    public func withRecord<R>(
        frame: Int, offset: Int, length: Int, _ body: (UnsafeRawBufferPointer) throws -> R
    ) throws -> R {
        try withFrame(frame) { bytes in
            guard offset >= 0, length >= 0, offset <= bytes.count, length <= bytes.count - offset else {
                throw PretextError(
                    .corrupt,
                    "record at frame \(frame) offset \(offset) length \(length) lies outside the frame (\(bytes.count) bytes)",
                    path: path)
            }
            return try body(UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]))
        }
    }

    /// Reads the compressed frame, decompresses it into the cache and verifies it.
    private func loadFrame(_ index: Int) throws {
        if index == cachedIndex { return }
        guard index >= 0, index < frameCount else {
            throw PretextError(
                .notFound, "frame \(index) does not exist; the shard has \(frameCount) frames", path: path)
        }
        let entry = seekTable.entries[index]
        cachedIndex = -1
        let compressedSize = Int(entry.compressedSize)
        let size = Int(entry.decompressedSize)
        // The compressed read is bounded by the file; the claim is checked against the frame's
        // own header before the cache is sized from it.
        try readCompressed(index, size: compressedSize)
        do {
            try compressedBuffer.withUnsafeBytes { input in
                // Safe: readCompressed sized the buffer to at least `compressedSize` bytes.
                try ZstdFrameClaim.check(
                    claimed: size, frame: UnsafeRawBufferPointer(rebasing: input[0..<compressedSize]))
            }
            try ensureCacheSize(size)
            try compressedBuffer.withUnsafeBytes { input in
                try cachedFrame.withUnsafeMutableBytes { output in
                    // Safe: both slices were sized above to exactly these counts.
                    try decompressor.decompress(
                        UnsafeRawBufferPointer(rebasing: input[0..<compressedSize]),
                        into: UnsafeMutableRawBufferPointer(rebasing: output[0..<size]))
                }
            }
        } catch let error as PretextError {
            throw PretextError(
                error.code, "frame \(index): \(error.message)", path: path, offset: Int64(frameOffsets[index]))
        }
        if verifyChecksums, let expected = entry.checksum {
            let actual = cachedFrame.withUnsafeBytes {
                UInt32(truncatingIfNeeded: XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<size])))
            }
            guard actual == expected else {
                throw PretextError(
                    .corrupt, "frame \(index) checksum mismatch: the shard is damaged; re-create it",
                    path: path, offset: Int64(frameOffsets[index]))
            }
        }
        cachedIndex = index
    }

    private func readCompressed(_ index: Int, size: Int) throws {
        if compressedBuffer.count < size {
            compressedBuffer = [UInt8](repeating: 0, count: size)
        }
        try compressedBuffer.withUnsafeMutableBytes { buffer in
            // Safe: the buffer holds at least `size` bytes.
            try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size]), at: frameOffsets[index])
        }
    }

    /// Sizes the cache array to exactly `size` bytes, reusing its capacity.
    private func ensureCacheSize(_ size: Int) throws {
        if cachedFrame.count > size {
            cachedFrame.removeLast(cachedFrame.count - size)
        } else if cachedFrame.count < size {
            cachedFrame.append(contentsOf: repeatElement(0, count: size - cachedFrame.count))
        }
    }
}
