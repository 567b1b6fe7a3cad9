import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileSystem {
    /// Makes `to` a second name of the finished file `from` (a hard link), or, where the file
    /// system refuses one (another device, no link support), a copy written under a temporary
    /// name, fsynced and renamed. Either way `to` appears whole or not at all.
    /// - Returns: whether the file was linked (`false`: copied).
    @discardableResult
    package static func linkOrCopy(_ from: String, to: String) throws -> Bool {
        if link(from, to) == 0 { return true }
        let failure = errno
        guard [EXDEV, EPERM, ENOTSUP, EOPNOTSUPP, EMLINK].contains(failure) else {
            throw PretextError(.io, "cannot link \(from): \(String(cString: strerror(failure)))", path: to)
        }
        let temporary = join(parentDirectory(of: to), "." + lastComponent(of: to) + ".tmp")
        try copyFile(from, to: temporary)
        try rename(temporary, to: to)
        return false
    }

    /// Copies `from` to a new file `to`, fsynced.
    package static func copyFile(_ from: String, to: String) throws {
        let source = try FileDescriptor.openForReading(from)
        defer { try? source.close() }
        let target = try FileDescriptor.createForWriting(to)
        let size = try source.size()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < size {
            let chunk = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(buffer.count, size - offset)])
            try source.read(into: chunk, at: offset)
            try target.writeAll(UnsafeRawBufferPointer(chunk))
            offset += chunk.count
        }
        try target.sync()
        try target.close()
    }
}
