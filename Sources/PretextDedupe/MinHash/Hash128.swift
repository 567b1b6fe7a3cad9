import CXXHash

/// A 128-bit hash (XXH3-128), ordered by its high then low half.
public struct Hash128: Sendable, Hashable, Comparable {
    /// The high 64 bits.
    public var high: UInt64
    /// The low 64 bits.
    public var low: UInt64

    /// Creates a hash from its halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// XXH3-128 of `bytes`.
    public init(hashing bytes: UnsafeRawBufferPointer) {
        let digest = XXH3_128bits(bytes.baseAddress, bytes.count)
        self.init(high: digest.high64, low: digest.low64)
    }

    /// XXH3-128 of `bytes`.
    public init(hashing bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Hash128(hashing: $0) }
    }

    public static func < (lhs: Hash128, rhs: Hash128) -> Bool {
        lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
    }

    /// 32 hex digits.
    public var hex: String {
        func pad(_ value: UInt64) -> String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return pad(high) + pad(low)
    }
}

/// XXH3-64, the shingle hash.
enum XXH3 {
    @inline(__always)
    static func hash64(_ pointer: UnsafeRawPointer, count: Int) -> UInt64 {
        XXH3_64bits(pointer, count)
    }
}
