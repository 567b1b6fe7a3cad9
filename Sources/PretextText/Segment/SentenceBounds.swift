import PretextCore

/// A compact byte encoding of a document's sentence ranges, for the catalog.
///
/// Offsets are UTF-8 byte offsets into the document's text. Two layouts, chosen by the
/// encoder and named by the first byte:
///
/// - `0x01` *contiguous*: the ranges tile the text from offset 0 (what
///   `Segmenter.sentences(in:)` returns untrimmed). Then, per sentence, the unsigned LEB128
///   varint of its end minus the previous end (the first sentence's end minus 0).
/// - `0x02` *general*: sorted, non-overlapping ranges with gaps (trimmed sentences). Then, per
///   sentence, two varints: its start minus the previous end (0 for the first), then its length.
///
/// No ranges encode as zero bytes. A varint is LEB128: 7 bits a byte, low bits first, the
/// high bit set on every byte but the last. A 100-byte sentence costs 1 byte (contiguous) or
/// 2 (general), so a document's bounds take about 1–2 % of its text.
public enum SentenceBounds {
    static let contiguousLayout: UInt8 = 0x01
    static let generalLayout: UInt8 = 0x02

    /// Encodes sorted, non-overlapping byte ranges.
    ///
    /// - Throws: `PretextError` with code `.malformedInput` if the ranges are unsorted,
    ///   overlap or have a negative offset.
    /// - Complexity: O(n) in the number of ranges.
    public static func encode(_ ranges: [Range<Int>]) throws -> [UInt8] {
        guard let first = ranges.first else { return [] }
        guard first.lowerBound >= 0 else { throw unsorted() }
        var contiguous = first.lowerBound == 0
        var previousEnd = 0
        for range in ranges {
            guard range.lowerBound >= previousEnd else { throw unsorted() }
            if range.lowerBound != previousEnd { contiguous = false }
            previousEnd = range.upperBound
        }
        var bytes: [UInt8] = [contiguous ? contiguousLayout : generalLayout]
        bytes.reserveCapacity(1 + ranges.count * (contiguous ? 2 : 3))
        previousEnd = 0
        for range in ranges {
            if !contiguous { appendVarint(UInt64(range.lowerBound - previousEnd), to: &bytes) }
            appendVarint(UInt64(range.upperBound - range.lowerBound), to: &bytes)
            previousEnd = range.upperBound
        }
        return bytes
    }

    /// Decodes bytes written by `encode`.
    ///
    /// - Throws: `PretextError` with code `.corrupt` for an unknown layout byte, a truncated
    ///   or overlong varint, or offsets past `Int.max`.
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8]) throws -> [Range<Int>] {
        try bytes.withUnsafeBytes { try decode($0) }
    }

    /// Decodes bytes written by `encode`; see `decode(_:)`.
    /// - Throws: `PretextError` with code `.corrupt` for bytes `encode` cannot have written.
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws -> [Range<Int>] {
        guard let layout = bytes.first else { return [] }
        guard layout == contiguousLayout || layout == generalLayout else {
            throw corrupt("unknown sentence-bounds layout \(layout)")
        }
        var result: [Range<Int>] = []
        var i = 1
        var previousEnd = 0
        while i < bytes.count {
            var start = previousEnd
            if layout == generalLayout { start = try add(previousEnd, readVarint(bytes, &i)) }
            let end = try add(start, readVarint(bytes, &i))
            result.append(start..<end)
            previousEnd = end
        }
        return result
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard i < bytes.count else { throw corrupt("sentence bounds end inside a number") }
            let byte = bytes[i]
            i += 1
            guard shift < 63 || (shift == 63 && byte <= 1) else { throw corrupt("sentence-bounds number too large") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private static func add(_ base: Int, _ delta: UInt64) throws -> Int {
        guard delta <= UInt64(Int.max - base) else { throw corrupt("sentence-bounds offset too large") }
        return base + Int(delta)
    }

    private static func unsorted() -> PretextError {
        PretextError(.malformedInput, "sentence ranges must be sorted, non-overlapping and non-negative")
    }

    private static func corrupt(_ detail: String) -> PretextError {
        PretextError(.corrupt, "damaged sentence bounds: \(detail); re-run the segment stage to rewrite them")
    }
}
