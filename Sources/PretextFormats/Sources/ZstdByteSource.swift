import CZstd

/// Decompressed bytes of a zstd file: one or more concatenated frames (skippable frames,
/// such as a seek table, are skipped by zstd itself).
///
/// The decoder's window is bounded to 2^27 bytes (128 MiB, `ZSTD_d_windowLogMax = 27`), so
/// an untrusted frame header cannot make it allocate more. A file that ends inside a frame
/// is reported as truncated, damaged data as corrupt, both with the compressed offset.
public final class ZstdByteSource: ByteSource {
    /// The largest window log accepted.
    public static let windowLogMax: Int32 = 27

    public var path: String { file.path }
    public var compressedOffset: Int64 { file.compressedOffset - Int64(inBuffer.size - inBuffer.pos) }

    private let file: FileByteSource
    private let context: OpaquePointer
    private let input: UnsafeMutableRawBufferPointer
    private var inBuffer = ZSTD_inBuffer(src: nil, size: 0, pos: 0)
    private var fileEnded = false
    /// Whether the decoder is between frames (the last call returned 0, or nothing began).
    private var atFrameBoundary = true
    private var finished = false

    /// Opens a zstd stream over `file`.
    /// - Throws: `ByteSourceError` if the decoder cannot be created.
    public init(file: FileByteSource) throws(ByteSourceError) {
        self.file = file
        guard let context = ZSTD_createDCtx() else {
            throw ByteSourceError(.corrupt, path: file.path, compressedOffset: 0, "cannot create a zstd decoder")
        }
        self.context = context
        ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, ZstdByteSource.windowLogMax)
        input = .allocate(
            byteCount: ZSTD_DStreamInSize() > 0
                ? max(Int(ZSTD_DStreamInSize()), FileByteSource.chunkSize) : FileByteSource.chunkSize, alignment: 16)
    }

    deinit {
        ZSTD_freeDCtx(context)
        input.deallocate()
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(ByteSourceError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0, !finished else { return 0 }
        while true {
            if inBuffer.pos == inBuffer.size, !fileEnded { try refill() }
            var outBuffer = ZSTD_outBuffer(dst: out, size: buffer.count, pos: 0)
            let consumedBefore = inBuffer.pos
            let hint = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
            if ZSTD_isError(hint) != 0 {
                throw failure(.corrupt, "zstd data is corrupt: \(String(cString: ZSTD_getErrorName(hint)))")
            }
            // A call that neither consumed nor produced anything returns the size hint for a
            // next frame even between frames, so it says nothing about where we are.
            if inBuffer.pos != consumedBefore || outBuffer.pos > 0 { atFrameBoundary = hint == 0 }
            if outBuffer.pos > 0 { return outBuffer.pos }
            if inBuffer.pos == inBuffer.size, fileEnded {
                guard atFrameBoundary else {
                    throw failure(.truncated, "zstd stream ends inside a frame (file truncated?)")
                }
                finished = true
                return 0
            }
        }
    }

    private func refill() throws(ByteSourceError) {
        let n = try file.read(into: input)
        if n == 0 { fileEnded = true }
        inBuffer = ZSTD_inBuffer(src: UnsafeRawPointer(input.baseAddress), size: n, pos: 0)
    }

    private func failure(_ kind: ByteSourceError.Kind, _ message: String) -> ByteSourceError {
        finished = true
        return ByteSourceError(kind, path: path, compressedOffset: compressedOffset, message)
    }
}
