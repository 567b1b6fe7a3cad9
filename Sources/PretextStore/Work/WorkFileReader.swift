import PretextCore
import _PretextFileSystem

/// Streams the records of a work file, checking it against its manifest entry.
///
/// The size and header are checked when the file is opened; the XXH64 when the last record
/// has been read (`next()` throws instead of returning `nil` when the checksum differs).
/// Callers must read to the end before trusting what they computed.
public final class WorkFileReader<Record: FixedWidthRecord> {
    private let path: String
    private let descriptor: FileDescriptor
    private let expected: WorkFileInfo
    private let hasher = XXH64Hasher()
    private var buffer: [UInt8]
    private var bufferStart = 0
    private var bufferEnd = 0
    private var offset = WorkFileFormat.headerSize
    private var remaining: Int
    private let phase: String

    /// Opens `directory/info.name`, written by `phase`.
    ///
    /// - Throws: `PretextError(.corrupt)` when the file is missing, has another size or a
    ///   bad header; the message names the file and the phase that wrote it.
    public init(directory: String, info: WorkFileInfo, phase: String, bufferBytes: Int = 256 << 10) throws {
        path = FileSystem.join(directory, info.name)
        self.phase = phase
        expected = info
        do {
            descriptor = try FileDescriptor.openForReading(path)
        } catch {
            throw PretextError(
                .corrupt, "work file of phase '\(phase)' is missing (rank \(info.rank)); rerun the step",
                path: FileSystem.join(directory, info.name))
        }
        let opened = descriptor
        let size = try opened.size()
        guard size == info.bytes, size == WorkFileFormat.headerSize + info.records * Record.byteCount else {
            throw PretextError(
                .corrupt,
                "work file of phase '\(phase)' is incomplete or damaged: \(size) bytes, its manifest says "
                    + "\(info.bytes); rerun the step with --overwrite",
                path: path)
        }
        var header = [UInt8](repeating: 0, count: WorkFileFormat.headerSize)
        try header.withUnsafeMutableBytes { try opened.read(into: $0, at: 0) }
        guard header == WorkFileFormat.header(recordSize: Record.byteCount) else {
            throw PretextError(.corrupt, "work file of phase '\(phase)' has a bad header", path: path)
        }
        remaining = info.records
        let recordsPerBuffer = max(1, bufferBytes / Record.byteCount)
        buffer = [UInt8](repeating: 0, count: recordsPerBuffer * Record.byteCount)
        header.withUnsafeBytes { hasher.update($0) }
        if remaining == 0 { try checkDigest() }
    }

    /// The next record, or `nil` at the end of a file whose checksum matched.
    ///
    /// - Throws: `PretextError(.corrupt)` when the file's checksum differs from its manifest.
    public func next() throws -> Record? {
        if bufferStart == bufferEnd {
            guard remaining > 0 else { return nil }
            try refill()
        }
        let record = buffer.withUnsafeBytes { Record(loading: $0.baseAddress! + bufferStart) }
        bufferStart += Record.byteCount
        return record
    }

    private func refill() throws {
        let count = min(remaining, buffer.count / Record.byteCount)
        let length = count * Record.byteCount
        try buffer.withUnsafeMutableBytes { raw in
            let slice = UnsafeMutableRawBufferPointer(rebasing: raw[0..<length])
            try descriptor.read(into: slice, at: offset)
            hasher.update(UnsafeRawBufferPointer(slice))
        }
        offset += length
        remaining -= count
        bufferStart = 0
        bufferEnd = length
        if remaining == 0 { try checkDigest() }
    }

    private func checkDigest() throws {
        let digest = XXH64.hex(hasher.digest())
        guard digest == expected.checksum else {
            throw PretextError(
                .corrupt,
                "work file of phase '\(phase)' is damaged: checksum \(digest), its manifest says "
                    + "\(expected.checksum); rerun the step with --overwrite",
                path: path)
        }
    }

    /// Reads every record (for small files).
    public func readAll() throws -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(expected.records)
        while let record = try next() { records.append(record) }
        return records
    }
}
