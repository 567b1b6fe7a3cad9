import CZstd
import PretextCore

/// Decompresses single zstd frames whose decompressed size is known in advance (from a
/// shard's seek table).
///
/// Untrusted input is bounded: the window is capped at 2^27 bytes (`ZSTD_d_windowLogMax`,
/// zstd's default decoder cap), and an expected size past `maxFrameSize`, or one the frame's
/// own header and blocks disagree with (`ZstdFrameClaim`), is refused before any memory is
/// allocated. Owns a `ZSTD_DCtx` freed in `deinit`. Not thread safe.
public final class ZstdFrameDecompressor {
    /// The largest decompressed frame this decompressor accepts.
    public let maxFrameSize: Int
    private let context: OpaquePointer

    /// The window log cap: 128 MiB windows, as the zstd CLI accepts without `--long`.
    public static let windowLogMax: Int32 = 27

    /// Creates a decompressor.
    /// - Parameter maxFrameSize: refuse frames larger than this (default 1 GiB, the seekable
    ///   format's own cap).
    public init(maxFrameSize: Int = 1 << 30) throws {
        guard let context = ZSTD_createDCtx() else {
            throw PretextError(.compression, "cannot allocate a zstd decompression context")
        }
        self.context = context
        self.maxFrameSize = maxFrameSize
        let result = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, Self.windowLogMax)
        if ZSTD_isError(result) != 0 {
            throw PretextError(.compression, "zstd rejected windowLogMax: \(Self.errorName(result))")
        }
    }

    deinit {
        ZSTD_freeDCtx(context)
    }

    /// Decompresses one frame into `output`, which must be exactly the expected size.
    /// - Parameters:
    ///   - frame: the compressed frame.
    ///   - output: where the decompressed bytes go; its count is the expected size.
    /// - Throws: `PretextError(.limitExceeded)` when the size passes `maxFrameSize`;
    ///   `PretextError(.corrupt)` when the frame's header, block layout or content size disagree
    ///   or zstd reports damage.
    public func decompress(_ frame: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws {
        try checkLimit(output.count)
        try ZstdFrameClaim.check(claimed: output.count, frame: frame)
        let written = ZSTD_decompressDCtx(context, output.baseAddress, output.count, frame.baseAddress, frame.count)
        if ZSTD_isError(written) != 0 {
            throw PretextError(.corrupt, "zstd decompression failed: \(Self.errorName(written))")
        }
        guard written == output.count else {
            throw PretextError(.corrupt, "zstd frame holds \(written) bytes, seek table says \(output.count)")
        }
    }

    /// Decompresses one frame into a new array of `expectedSize` bytes.
    public func decompress(_ frame: UnsafeRawBufferPointer, expectedSize: Int) throws -> [UInt8] {
        try checkLimit(expectedSize)
        try ZstdFrameClaim.check(claimed: expectedSize, frame: frame)
        return try [UInt8](unsafeUninitializedCapacity: expectedSize) { buffer, count in
            try decompress(frame, into: UnsafeMutableRawBufferPointer(buffer))
            count = expectedSize
        }
    }

    private func checkLimit(_ size: Int) throws {
        guard size >= 0, size <= maxFrameSize else {
            throw PretextError(
                .limitExceeded, "zstd frame of \(size) bytes exceeds the limit of \(maxFrameSize) bytes")
        }
    }

    static func errorName(_ code: Int) -> String {
        String(cString: ZSTD_getErrorName(code))
    }
}
