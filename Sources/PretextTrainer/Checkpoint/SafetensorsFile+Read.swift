import PretextCore
import _PretextFileSystem

extension SafetensorsFile {
    /// Reads the safetensors file at `path`, validating it before any tensor data is read.
    ///
    /// Each tensor's data is read straight into its value array (one `pread` per tensor).
    /// - Throws: `.notFound` or `.io` when the file cannot be read; `.corrupt` naming the file
    ///   (and the tensor at fault) when it is shorter than its header says, the header length
    ///   exceeds 100 MB, the header is not valid JSON of entries, a dtype is not `F32`, or the
    ///   offsets are out of bounds, overlap, leave gaps or disagree with the shape.
    public init(contentsOf path: String) throws {
        let descriptor = try FileDescriptor.openForReading(path)
        let size = try descriptor.size()
        let headerLength = try Self.headerLength(descriptor, fileSize: size)
        var json = [UInt8](repeating: 0, count: headerLength)
        try json.withUnsafeMutableBytes { try descriptor.read(into: $0, at: 8) }
        let header = try SafetensorsHeader(json: json, path: path)
        let dataStart = 8 + headerLength
        try header.validate(dataSize: size - dataStart, path: path)
        let tensors = try header.entries.map { entry in
            SafetensorsTensor(
                name: entry.name, shape: entry.shape,
                values: try Self.values(entry, from: descriptor, at: dataStart + entry.begin))
        }
        try descriptor.close()
        self.init(read: tensors, metadata: header.metadata, path: path)
    }

    /// The header length from the first 8 bytes, checked against the file size and the limit.
    private static func headerLength(_ descriptor: FileDescriptor, fileSize: Int) throws -> Int {
        guard fileSize >= 8 else {
            throw PretextError(
                .corrupt, "not a safetensors file: \(fileSize) bytes, shorter than the 8-byte header length",
                path: descriptor.path)
        }
        var prefix = [UInt8](repeating: 0, count: 8)
        try prefix.withUnsafeMutableBytes { try descriptor.read(into: $0, at: 0) }
        let length = prefix.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard length <= UInt64(min(maximumHeaderLength, fileSize - 8)) else {
            throw PretextError(
                .corrupt,
                "not a safetensors file: its header length \(length) exceeds the file (\(fileSize) bytes) "
                    + "or the \(maximumHeaderLength)-byte limit",
                path: descriptor.path, offset: 0)
        }
        return Int(length)
    }

    /// Reads the `entry.count` little-endian binary32 values at byte `offset` of the file.
    private static func values(
        _ entry: SafetensorsHeader.Entry, from descriptor: FileDescriptor, at offset: Int
    ) throws -> [Float] {
        var values = try [Float](unsafeUninitializedCapacity: entry.count) { buffer, initialized in
            // Safe: the buffer has room for `entry.count` floats, which is `end − begin` bytes
            // (checked by `SafetensorsHeader`); `read` fills every byte or throws, and only then
            // are the floats counted as initialized (any bit pattern is a valid Float).
            try descriptor.read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)
            initialized = entry.count
        }
        #if _endian(big)
        for i in values.indices { values[i] = Float(bitPattern: UInt32(littleEndian: values[i].bitPattern)) }
        #endif
        return values
    }
}
