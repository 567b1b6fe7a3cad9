import CZstd
import PretextCore

/// Checks a decompressed size that something outside a zstd frame claims for it (a seek table
/// entry) against what the frame itself can hold, before any buffer is sized from the claim.
///
/// A seek table is untrusted: a damaged or forged entry may claim up to 4 GiB for a frame of a
/// few bytes. Two checks run before a decompression buffer is allocated:
/// - `checkRatio` needs only the sizes: one zstd block decompresses to at most 128 KiB
///   (`ZSTD_BLOCKSIZE_MAX`) and takes at least 4 bytes (a 3-byte block header and the one byte
///   of an RLE block), so no frame expands more than 32768 times. It runs for every entry when
///   a shard is opened.
/// - `check` reads the frame's header: its content size (`ZSTD_getFrameContentSize`), when the
///   header has one, must equal the claim, and its blocks (`ZSTD_findFrameCompressedSize`) must
///   fill exactly the bytes the seek table gives the frame. It runs when a frame is read.
///
/// Errors are `PretextError(.corrupt)` without a path; callers add the shard and the frame.
enum ZstdFrameClaim {
    /// The most a zstd frame can expand: 128 KiB of output per block of at least 4 bytes.
    static let maxRatio = (128 * 1024) / 4

    /// Throws when `claimed` decompressed bytes cannot come out of `compressedSize` bytes.
    static func checkRatio(claimed: Int, compressedSize: Int) throws {
        // No overflow: compressed sizes come from 32-bit seek table fields, 2^32 × 2^15 < 2^63.
        guard claimed <= compressedSize * maxRatio else {
            throw PretextError(
                .corrupt,
                "seek table claims \(claimed) decompressed bytes for \(compressedSize) compressed bytes, "
                    + "more than zstd can expand (×\(maxRatio)); the shard is damaged; re-create it")
        }
    }

    /// Throws when the frame's own header or block layout disagrees with the claim.
    /// - Parameters:
    ///   - claimed: the decompressed size the seek table gives the frame.
    ///   - frame: the frame's compressed bytes, as many as the seek table gives it.
    static func check(claimed: Int, frame: UnsafeRawBufferPointer) throws {
        try checkRatio(claimed: claimed, compressedSize: frame.count)
        try checkContentSize(claimed: claimed, frame: frame)
        try checkCompressedSize(frame)
    }

    /// The frame header's content size, when it has one, must equal the claim.
    static func checkContentSize(claimed: Int, frame: UnsafeRawBufferPointer) throws {
        let declared = ZSTD_getFrameContentSize(frame.baseAddress, frame.count)
        if declared == ZSTD_CONTENTSIZE_ERROR {
            throw PretextError(.corrupt, "not a zstd frame (bad header); the shard is damaged; re-create it")
        }
        if declared != ZSTD_CONTENTSIZE_UNKNOWN, declared != UInt64(claimed) {
            throw PretextError(
                .corrupt,
                "seek table claims \(claimed) decompressed bytes, the zstd frame header says \(declared); "
                    + "the shard is damaged; re-create it")
        }
    }

    /// The frame's blocks must end exactly where the seek table says the frame ends.
    static func checkCompressedSize(_ frame: UnsafeRawBufferPointer) throws {
        let size = ZSTD_findFrameCompressedSize(frame.baseAddress, frame.count)
        if ZSTD_isError(size) != 0 {
            throw PretextError(
                .corrupt,
                "zstd frame is damaged or does not fit in its \(frame.count) bytes "
                    + "(\(ZstdFrameDecompressor.errorName(size))); the shard is damaged; re-create it")
        }
        guard size == frame.count else {
            throw PretextError(
                .corrupt,
                "zstd frame takes \(size) bytes, the seek table gives it \(frame.count); "
                    + "the shard is damaged; re-create it")
        }
    }
}
