import CXXHash

/// XXH64 (seed 0 unless given), the checksum of shard frames and shard files.
public enum XXH64 {
    /// The XXH64 digest of `bytes`.
    /// - Complexity: O(n); several GB/s.
    @inlinable
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        XXH64_hash(bytes, seed: seed)
    }

    /// The XXH64 digest of an array.
    public static func hash(_ bytes: [UInt8], seed: UInt64 = 0) -> UInt64 {
        bytes.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// The 16-digit lowercase hex form used in the catalog's `shards.checksum`.
    public static func hex(_ digest: UInt64) -> String {
        let digits = String(digest, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The raw call, kept out of line so that `XXH64.hash` stays inlinable without exposing
/// the C module in the public interface.
@usableFromInline
func XXH64_hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
    CXXHash.XXH64(bytes.baseAddress, bytes.count, seed)
}

/// A streaming XXH64 over data that arrives in pieces (a shard file as it is written).
public final class XXH64Hasher {
    private let state: OpaquePointer

    /// Creates a hasher with the given seed (default 0).
    public init(seed: UInt64 = 0) {
        // Safe: XXH64_createState only fails when malloc fails, which Swift treats as fatal.
        state = XXH64_createState()!
        XXH64_reset(state, seed)
    }

    deinit {
        XXH64_freeState(state)
    }

    /// Adds bytes to the digest.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        XXH64_update(state, bytes.baseAddress, bytes.count)
    }

    /// The digest of everything added so far.
    public func digest() -> UInt64 {
        XXH64_digest(state)
    }
}
