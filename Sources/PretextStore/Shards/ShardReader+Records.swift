import PretextCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ShardReader {
    /// Calls `body` with every record of the shard in order, split at `separator`.
    ///
    /// The bytes passed exclude the separator; the location's `length` includes it (a last
    /// record without a separator has none to include). The buffer is valid only inside
    /// `body`. Frames are verified as they are read.
    /// - Parameters:
    ///   - separator: the byte ending each record (default `\n`, for JSON lines).
    ///   - body: called once per record.
    /// - Complexity: O(n) in the shard's decompressed size; one frame in memory at a time.
    public func forEachRecord(
        separator: UInt8 = 0x0A, _ body: (UnsafeRawBufferPointer, RecordLocation) throws -> Void
    ) throws {
        try forEachRecord(frames: 0..<frameCount, separator: separator, body)
    }

    /// Calls `body` with each record of the frames `frames` (clamped to the shard's), in order.
    public func forEachRecord(
        frames: Range<Int>, separator: UInt8 = 0x0A, _ body: (UnsafeRawBufferPointer, RecordLocation) throws -> Void
    ) throws {
        for index in frames.clamped(to: 0..<frameCount) {
            try withFrame(index) { bytes in
                try Self.split(bytes, frame: index, separator: separator, body)
            }
        }
    }

    /// Splits one frame into records with `memchr`.
    static func split(
        _ bytes: UnsafeRawBufferPointer, frame: Int, separator: UInt8,
        _ body: (UnsafeRawBufferPointer, RecordLocation) throws -> Void
    ) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var start = 0
        while start < bytes.count {
            let remaining = bytes.count - start
            if let hit = memchr(base + start, Int32(separator), remaining) {
                // Safe: memchr returned a pointer inside [base + start, base + count).
                let end = base.distance(to: UnsafeRawPointer(hit))
                try body(
                    UnsafeRawBufferPointer(start: base + start, count: end - start),
                    RecordLocation(frame: frame, offset: start, length: end - start + 1))
                start = end + 1
            } else {
                try body(
                    UnsafeRawBufferPointer(start: base + start, count: remaining),
                    RecordLocation(frame: frame, offset: start, length: remaining))
                start = bytes.count
            }
        }
    }

    /// The number of `separator` bytes in frame `index` (records, for separated shards).
    public func countSeparators(inFrame index: Int, separator: UInt8 = 0x0A) throws -> Int {
        try withFrame(index) { Self.count(separator, in: $0) }
    }

    static func count(_ separator: UInt8, in bytes: UnsafeRawBufferPointer) -> Int {
        var total = 0
        for byte in bytes where byte == separator { total &+= 1 }  // &+: bounded by bytes.count.
        return total
    }
}
