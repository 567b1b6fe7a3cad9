import PretextCore
import _PretextFileSystem

extension WorkArea {
    /// Writes `bytes` as one file of `phase` (the work-file header with record size 1, then the
    /// bytes), atomically, and returns its manifest entry: for small structured results such as
    /// a task's partial counts.
    public func writeBlob(_ bytes: [UInt8], phase: String, name: String, rank: Int) throws -> WorkFileInfo {
        let file = WorkFileFormat.header(recordSize: 1) + bytes
        try FileSystem.writeAtomically(file, to: FileSystem.join(directory(of: phase), name))
        return WorkFileInfo(
            name: name, group: -1, bytes: file.count, records: bytes.count, checksum: XXH64.hex(XXH64.hash(file)),
            rank: rank)
    }

    /// The bytes of a blob of `phase`, checked against its manifest entry.
    ///
    /// - Throws: `PretextError(.corrupt)` naming the file when it is missing, of another size
    ///   or damaged.
    public func readBlob(_ info: WorkFileInfo, phase: String) throws -> [UInt8] {
        let path = FileSystem.join(directory(of: phase), info.name)
        let descriptor: FileDescriptor
        do {
            descriptor = try FileDescriptor.openForReading(path)
        } catch {
            throw PretextError(.corrupt, "work file of phase '\(phase)' is missing; rerun the step", path: path)
        }
        let size = try descriptor.size()
        guard size == info.bytes, size == WorkFileFormat.headerSize + info.records else {
            throw PretextError(
                .corrupt, "work file of phase '\(phase)' is incomplete: \(size) bytes, its manifest says \(info.bytes)",
                path: path)
        }
        var file = [UInt8](repeating: 0, count: size)
        try file.withUnsafeMutableBytes { try descriptor.read(into: $0, at: 0) }
        guard XXH64.hex(XXH64.hash(file)) == info.checksum,
            Array(file.prefix(WorkFileFormat.headerSize)) == WorkFileFormat.header(recordSize: 1)
        else {
            throw PretextError(
                .corrupt, "work file of phase '\(phase)' is damaged (checksum); rerun the step with --overwrite",
                path: path)
        }
        return Array(file.dropFirst(WorkFileFormat.headerSize))
    }
}
