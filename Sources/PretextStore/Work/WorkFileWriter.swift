import PretextCore
import _PretextFileSystem

/// Writes fixed-width records to a work file through a buffer, hashing what it writes.
///
/// The file is written under a temporary name and renamed into place by `finish`, which
/// returns the manifest entry (size, record count, XXH64). A task that dies before `finish`
/// leaves only a temporary file, never a file a manifest could vouch for.
public final class WorkFileWriter<Record: FixedWidthRecord> {
    private let path: String
    private let name: String
    private let group: Int
    private let rank: Int
    private let descriptor: FileDescriptor
    private let hasher = XXH64Hasher()
    private var buffer: [UInt8] = []
    private var bytes = 0
    private(set) var records = 0

    /// Creates `directory/name` for records of `Record`.
    ///
    /// - Throws: `PretextError(.io)` when the file cannot be created.
    public init(directory: String, name: String, group: Int = -1, rank: Int) throws {
        self.path = FileSystem.join(directory, name)
        self.name = name
        self.group = group
        self.rank = rank
        descriptor = try FileDescriptor.createForWriting(path + ".tmp")
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: WorkFileFormat.header(recordSize: Record.byteCount))
    }

    /// Appends one record.
    public func append(_ record: Record) throws {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Record.byteCount))
        buffer.withUnsafeMutableBytes { record.store(to: $0.baseAddress! + start) }
        records += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Appends records in order.
    public func append(contentsOf records: some Sequence<Record>) throws {
        for record in records { try append(record) }
    }

    /// Flushes, fsyncs and renames the file into place.
    ///
    /// - Returns: the file's manifest entry.
    public func finish() throws -> WorkFileInfo {
        try flush()
        try descriptor.sync()
        try descriptor.close()
        try FileSystem.rename(path + ".tmp", to: path)
        return WorkFileInfo(
            name: name, group: group, bytes: bytes, records: records, checksum: XXH64.hex(hasher.digest()),
            rank: rank)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { raw in
            hasher.update(raw)
            try descriptor.writeAll(raw)
        }
        bytes += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
