import PretextCore
import _PretextFileSystem

/// Writes one shard: records packed into independent zstd frames, then a seek table, in the
/// zstd seekable format (see `SeekTable`).
///
/// The file is written as `DIRECTORY/.NAME.tmp` and only appears under `NAME` when `finish()`
/// has written the seek table, fsynced the file, renamed it and fsynced the directory. A frame
/// holds whole records only: a frame is cut when the next record would take it past
/// `frameSize` bytes, and a record larger than `frameSize` gets a frame of its own. Records
/// are stored exactly as given (JSON lines include their trailing `"\n"`), so
/// `zstd -dc NAME` prints them back.
///
/// Not thread safe. `append` copies into a reused frame buffer and allocates nothing.
public final class ShardWriter {
    /// The largest record (and frame) accepted: the seekable format's 1 GiB cap.
    public static let maxRecordSize = 1 << 30
    /// The default frame size: 256 KiB uncompressed.
    public static let defaultFrameSize = 256 * 1024
    /// The default zstd level: 3, zstd's own default.
    public static let defaultCompressionLevel = 3

    /// Where the shard will be once finished.
    public let path: String
    /// Where the shard is while being written.
    public let temporaryPath: String
    /// The uncompressed frame size bound.
    public let frameSize: Int

    /// Records appended so far.
    public private(set) var records = 0
    /// Uncompressed bytes appended so far.
    public private(set) var bytesRaw = 0
    /// Compressed bytes written so far (frames completed; the open frame not included).
    public private(set) var bytesCompressed = 0

    private let directory: String
    private var file: FileDescriptor?
    private let compressor: ZstdFrameCompressor
    private let hasher = XXH64Hasher()
    private var table = SeekTable()
    /// The open frame's bytes: `frameBuffer[0..<frameFill]`.
    private let frameBuffer: UnsafeMutableRawBufferPointer
    private var frameFill = 0
    /// Reused compression output, at least `ZSTD_compressBound(frameSize)` bytes.
    private var compressed: UnsafeMutableRawBufferPointer

    /// Creates the temporary file `DIRECTORY/.NAME.tmp`.
    /// - Parameters:
    ///   - directory: an existing directory.
    ///   - name: the final file name (e.g. `00-ingest-r00000-00000.jsonl.zst`).
    ///   - frameSize: the uncompressed frame size bound (default 256 KiB; 1 byte … 1 GiB).
    ///   - compressionLevel: the zstd level (default 3).
    /// - Throws: `.invalidConfiguration` for a bad size or level, `.io` when the file cannot
    ///   be created.
    public init(
        directory: String, name: String, frameSize: Int = defaultFrameSize,
        compressionLevel: Int = defaultCompressionLevel
    ) throws {
        guard (1...Self.maxRecordSize).contains(frameSize) else {
            throw PretextError(
                .invalidConfiguration, "frame size \(frameSize) must be between 1 and \(Self.maxRecordSize) bytes")
        }
        guard !name.isEmpty, !name.contains("/") else {
            throw PretextError(.invalidConfiguration, "shard name must be a plain file name", path: name)
        }
        self.directory = directory
        self.path = FileSystem.join(directory, name)
        self.temporaryPath = FileSystem.join(directory, "." + name + ".tmp")
        self.frameSize = frameSize
        self.compressor = try ZstdFrameCompressor(level: compressionLevel)
        self.frameBuffer = .allocate(byteCount: frameSize, alignment: 16)
        self.compressed = .allocate(byteCount: ZstdFrameCompressor.bound(frameSize), alignment: 16)
        do {
            self.file = try FileDescriptor.createForWriting(temporaryPath)
        } catch {
            frameBuffer.deallocate()
            compressed.deallocate()
            throw error
        }
    }

    deinit {
        frameBuffer.deallocate()
        compressed.deallocate()
        // An unfinished writer leaves its temporary file behind, as a crash would; the
        // dataset writer removes such leftovers when the task restarts.
    }

    /// The number of frames completed so far (the open frame not included).
    public var frames: Int { table.entries.count }

    /// The index of the frame the next record will go into if it fits.
    public var currentFrame: Int { table.entries.count }

    /// Appends one record.
    /// - Parameter record: the bytes, stored exactly as given.
    /// - Returns: the frame holding the record and the record's offset in that frame.
    /// - Throws: `.limitExceeded` for a record over 1 GiB; `.io` / `.compression` when a
    ///   completed frame cannot be written.
    /// - Complexity: amortized O(n) in the record's size; a memcpy unless a frame is cut.
    @inline(__always)
    public func append(_ record: UnsafeRawBufferPointer) throws -> (frame: Int, offset: Int) {
        let count = record.count
        if frameFill + count > frameSize || file == nil {
            return try appendCuttingFrame(record)
        }
        let offset = frameFill
        if count > 0 {
            // Safe: frameFill + count <= frameSize, the buffer's size; the regions are distinct.
            frameBuffer.baseAddress!.advanced(by: offset).copyMemory(from: record.baseAddress!, byteCount: count)
        }
        frameFill = offset + count
        records += 1
        bytesRaw += count
        return (table.entries.count, offset)
    }

    /// The slow path: close the open frame, then place the record (alone if it is too big).
    private func appendCuttingFrame(_ record: UnsafeRawBufferPointer) throws -> (frame: Int, offset: Int) {
        guard file != nil else { throw finishedError() }
        guard record.count <= Self.maxRecordSize else {
            throw PretextError(
                .limitExceeded,
                "record of \(record.count) bytes exceeds the shard limit of \(Self.maxRecordSize) bytes",
                path: path)
        }
        try flushFrame()
        if record.count <= frameSize { return try append(record) }
        let frame = table.entries.count
        try writeFrame(record)
        records += 1
        bytesRaw += record.count
        return (frame, 0)
    }

    /// Writes the open frame, if it holds anything.
    private func flushFrame() throws {
        guard frameFill > 0 else { return }
        try writeFrame(UnsafeRawBufferPointer(rebasing: frameBuffer[0..<frameFill]))
        frameFill = 0
    }

    /// Compresses `bytes` as one frame, writes it, and records its seek table entry.
    private func writeFrame(_ bytes: UnsafeRawBufferPointer) throws {
        guard let file else { throw finishedError() }
        let bound = ZstdFrameCompressor.bound(bytes.count)
        if bound > compressed.count {
            compressed.deallocate()
            compressed = .allocate(byteCount: bound, alignment: 16)
        }
        let size = try compressor.compress(bytes, into: compressed)
        let frame = UnsafeRawBufferPointer(rebasing: compressed[0..<size])
        try file.writeAll(frame)
        hasher.update(frame)
        bytesCompressed += size
        // Both sizes fit in UInt32: frames are at most 1 GiB, and their bound is barely more.
        table.entries.append(
            SeekTable.Entry(
                compressedSize: UInt32(size), decompressedSize: UInt32(bytes.count),
                checksum: UInt32(truncatingIfNeeded: XXH64.hash(bytes))))
    }

    /// Flushes the last frame, writes the seek table, fsyncs, renames to the final name and
    /// fsyncs the directory.
    /// - Returns: what the shard holds, for the catalog.
    /// - Throws: `.io` on any write, sync or rename failure (the temporary file is removed).
    public func finish() throws -> ShardSummary {
        guard let file else { throw finishedError() }
        do {
            try flushFrame()
            let tableBytes = table.encoded()
            try tableBytes.withUnsafeBytes { raw in
                try file.writeAll(raw)
                hasher.update(raw)
            }
            bytesCompressed += tableBytes.count
            try file.sync()
            try file.close()
            self.file = nil
            try FileSystem.rename(temporaryPath, to: path)
            try FileSystem.syncDirectory(directory.isEmpty ? "." : directory)
        } catch {
            abandon()
            throw error
        }
        return ShardSummary(
            path: path, records: records, frames: table.entries.count, bytesRaw: bytesRaw,
            bytesCompressed: bytesCompressed, xxh64: hasher.digest())
    }

    /// Stops writing and removes the temporary file. Safe to call more than once.
    public func abandon() {
        if let file { try? file.close() }
        file = nil
        try? FileSystem.removeFile(temporaryPath)
    }

    private func finishedError() -> PretextError {
        PretextError(.invalidConfiguration, "the shard writer was already finished or abandoned", path: path)
    }
}
