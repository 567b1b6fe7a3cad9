import CZstd
import PretextCore

/// Compresses buffers into single, self-contained zstd frames (one-shot, not streaming).
///
/// Each frame records its content size in the header, so any zstd decoder can size its
/// output, and frames can be decompressed independently: the building block of the seekable
/// shard format. Owns a `ZSTD_CCtx`, reused across calls and freed in `deinit`. Not thread
/// safe: use one compressor per thread.
public final class ZstdFrameCompressor {
    /// The compression level (zstd's scale: 1 fast … 19 strong; negative levels are faster).
    public let level: Int
    private let context: OpaquePointer

    /// Creates a compressor.
    /// - Parameter level: the zstd level, default 3 (zstd's own default).
    /// - Throws: `PretextError(.compression)` when the level is out of range or zstd cannot
    ///   allocate a context.
    public init(level: Int = ShardWriter.defaultCompressionLevel) throws {
        let range = Int(ZSTD_minCLevel())...Int(ZSTD_maxCLevel())
        guard range.contains(level) else {
            throw PretextError(
                .invalidConfiguration,
                "zstd level \(level) is out of range; choose \(range.lowerBound)…\(range.upperBound)")
        }
        guard let context = ZSTD_createCCtx() else {
            throw PretextError(.compression, "cannot allocate a zstd compression context")
        }
        self.level = level
        self.context = context
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, Int32(level)))
        try check(ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1))
    }

    deinit {
        ZSTD_freeCCtx(context)
    }

    /// The largest frame `compress` can produce for `count` input bytes.
    public static func bound(_ count: Int) -> Int {
        ZSTD_compressBound(count)
    }

    /// Compresses `input` into one frame written at the start of `output`.
    /// - Returns: the frame's size in bytes.
    /// - Throws: `PretextError(.compression)` when `output` is smaller than needed.
    /// - Complexity: O(n) in the input size.
    public func compress(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        let written = ZSTD_compress2(
            context, output.baseAddress, output.count, input.baseAddress, input.count)
        try check(written)
        return written
    }

    /// Compresses `input` into one frame appended to `output`.
    /// - Returns: the frame's size in bytes.
    /// - Complexity: O(n) in the input size; grows `output` by at most `bound(input.count)`.
    @discardableResult
    public func compress(_ input: UnsafeRawBufferPointer, appendingTo output: inout [UInt8]) throws -> Int {
        let start = output.count
        let bound = Self.bound(input.count)
        output.append(contentsOf: repeatElement(0, count: bound))
        let written = try output.withUnsafeMutableBytes { all in
            // Safe: `start + bound == all.count`, the slice lies inside the array.
            try compress(input, into: UnsafeMutableRawBufferPointer(rebasing: all[start...]))
        }
        output.removeLast(bound - written)
        return written
    }

    private func check(_ result: Int) throws {
        if ZSTD_isError(result) != 0 {
            let name = String(cString: ZSTD_getErrorName(result))
            throw PretextError(.compression, "zstd compression failed: \(name)")
        }
    }
}
