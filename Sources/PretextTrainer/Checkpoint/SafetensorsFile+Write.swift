import PretextCore
import _PretextFileSystem

extension SafetensorsFile {
    /// Writes the file at `path`, whole or not at all: streamed into a temporary file beside it
    /// (`.NAME.tmp`), fsynced, renamed over `path`, and the directory fsynced.
    ///
    /// Tensor data is written straight from the values' storage (no copy of the checkpoint).
    /// - Throws: `.invalidConfiguration` naming the tensor when a name or shape cannot be
    ///   written (`headerBytes()`); `.io` naming the file when writing fails (the temporary
    ///   file is removed then).
    public func write(to path: String) throws {
        let header: [UInt8]
        do {
            header = try headerBytes()
        } catch var error as PretextError {
            error.path = path
            throw error
        }
        let directory = FileSystem.parentDirectory(of: path)
        let temporary = FileSystem.join(directory, "." + FileSystem.lastComponent(of: path) + ".tmp")
        do {
            try writeContents(header: header, to: temporary)
            try FileSystem.rename(temporary, to: path)
        } catch {
            try? FileSystem.removeFile(temporary)
            throw error
        }
        try FileSystem.syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// Writes the header and every tensor's data to a new file at `path`, fsynced and closed.
    private func writeContents(header: [UInt8], to path: String) throws {
        let descriptor = try FileDescriptor.createForWriting(path)
        try header.withUnsafeBytes { try descriptor.writeAll($0) }
        for tensor in tensors { try Self.writeLittleEndian(tensor.values, to: descriptor) }
        try descriptor.sync()
        try descriptor.close()
    }

    /// Writes `values` as little-endian IEEE 754 binary32.
    private static func writeLittleEndian(_ values: [Float], to descriptor: FileDescriptor) throws {
        #if _endian(little)
        // In memory the values already are little-endian binary32: write their bytes as they are.
        try values.withUnsafeBytes { try descriptor.writeAll($0) }
        #else
        let swapped = values.map { $0.bitPattern.littleEndian }
        try swapped.withUnsafeBytes { try descriptor.writeAll($0) }
        #endif
    }
}
