import CZlib

/// Decompressed bytes of a gzip file (zlib), including multi-member files such as
/// `.warc.gz`, where every record is its own gzip member.
///
/// After each member ends, decoding restarts if more data follows; trailing zero padding is
/// ignored, any other trailing data is reported as corrupt. A stream that ends inside a
/// member is reported as truncated with the compressed offset.
public final class GzipByteSource: ByteSource {
    public var path: String { file.path }
    public var compressedOffset: Int64 { file.compressedOffset - Int64(stream.pointee.avail_in) }

    private let file: FileByteSource
    /// zlib keeps a pointer back to its `z_stream` and checks it on every call, so the
    /// stream lives at a stable heap address for the life of this object.
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var fileEnded = false
    private var memberEnded = false
    private var finished = false

    /// Opens a gzip stream over `file`.
    /// - Throws: `ByteSourceError` if zlib cannot be initialized.
    public init(file: FileByteSource) throws(ByteSourceError) {
        self.file = file
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: FileByteSource.chunkSize, alignment: 16)
        guard pretext_inflate_init_gzip(stream) == Z_OK else {
            input.deallocate()
            stream.deallocate()
            throw ByteSourceError(.corrupt, path: file.path, compressedOffset: 0, "cannot initialize zlib")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        while true {
            if memberEnded {
                guard try startNextMember() else {
                    finished = true
                    return 0
                }
            }
            if stream.pointee.avail_in == 0, !fileEnded { try refill() }
            stream.pointee.next_out = out.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(min(buffer.count, Int(UInt32.max)))
            let status = inflate(stream, Z_NO_FLUSH)
            let produced = min(buffer.count, Int(UInt32.max)) - Int(stream.pointee.avail_out)
            switch status {
            case Z_STREAM_END:
                memberEnded = true
            case Z_OK, Z_BUF_ERROR:
                if produced == 0, stream.pointee.avail_in == 0, fileEnded {
                    throw failure(.truncated, "gzip stream ends inside a member (file truncated?)")
                }
            default:
                throw failure(.corrupt, "gzip data is corrupt (zlib status \(status))")
            }
            if produced > 0 { return produced }
        }
    }

    /// After a member: skips zero padding, and restarts zlib if another member follows.
    /// Returns false at the clean end of the file.
    private func startNextMember() throws(ByteSourceError) -> Bool {
        while true {
            if stream.pointee.avail_in == 0 {
                if fileEnded { return false }
                try refill()
                continue
            }
            // Safe: avail_in > 0, so next_in points at a readable byte.
            let next = stream.pointee.next_in.pointee
            if next == 0 {
                stream.pointee.next_in += 1
                stream.pointee.avail_in -= 1
                continue
            }
            guard next == 0x1F else { throw failure(.corrupt, "unexpected data after a gzip member") }
            inflateReset(stream)
            memberEnded = false
            return true
        }
    }

    private func refill() throws(ByteSourceError) {
        let n = try file.read(into: input)
        if n == 0 { fileEnded = true }
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)  // allocated, non-nil
        stream.pointee.avail_in = uInt(n)
    }

    private func failure(_ kind: ByteSourceError.Kind, _ message: String) -> ByteSourceError {
        finished = true
        return ByteSourceError(kind, path: path, compressedOffset: compressedOffset, message)
    }
}
