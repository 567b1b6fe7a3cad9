#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a byte source into lines, bounded by a maximum line length.
///
/// A line ends at `\n`; a `\r` before it is dropped (CRLF files); the last line may lack a
/// newline. A line longer than `maxLineBytes` is not buffered: it is skipped to its newline
/// and reported as `.tooLong` with its line number, offset and length, and reading goes on.
/// Newlines are found with `memchr` (vectorized in libc). The reader also serves exact-size
/// reads (`readExactly`, `skip`) for formats that mix lines and sized blocks, such as WARC.
///
/// Lines point into an internal buffer that is reused: a `Line`'s bytes are valid only until
/// the next call on the reader.
public final class LineReader {
    /// One line of input.
    public struct Line {
        /// The line's bytes, without `\n` or a trailing `\r`. Valid until the next call.
        public var bytes: UnsafeRawBufferPointer
        /// The 1-based line number.
        public var number: Int
        /// The offset of the line's first byte in the (decompressed) stream.
        public var offset: Int64
    }

    /// What `next()` found.
    public enum Event {
        /// A line within the limit.
        case line(Line)
        /// A line longer than the limit, skipped: its number, offset and length (newline
        /// excluded).
        case tooLong(number: Int, offset: Int64, length: Int64)
    }

    /// The default maximum line length: 64 MiB.
    public static let defaultMaxLineBytes = 64 << 20

    /// The source being read.
    public let source: any ByteSource
    /// The maximum line length in bytes (newline excluded).
    public let maxLineBytes: Int
    /// The number of lines returned or skipped so far.
    public private(set) var lineNumber = 0

    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var bufferOffset: Int64 = 0
    private var sourceEnded = false
    /// Lines starting at or after this offset are not returned.
    private let endOffset: Int64?

    /// The stream offset of the next unread byte.
    public var offset: Int64 { bufferOffset + Int64(start) }

    /// Creates a line reader.
    /// - Parameters:
    ///   - source: the bytes to split.
    ///   - maxLineBytes: the longest line kept (default 64 MiB).
    ///   - start: where `source` starts in the file: a line start and the number of lines
    ///     before it (line numbers and offsets then count from the file's start).
    ///   - end: lines starting at or after this offset are not returned (`next()` gives
    ///     `nil`): the end of a byte range; `nil` reads to the end of the stream.
    public init(
        source: any ByteSource, maxLineBytes: Int = LineReader.defaultMaxLineBytes, start: LineStart = LineStart(),
        end: Int64? = nil
    ) {
        self.source = source
        self.maxLineBytes = max(1, maxLineBytes)
        endOffset = end
        bufferOffset = start.offset
        lineNumber = start.linesBefore
        buffer = .allocate(byteCount: min(FileByteSource.chunkSize, self.maxLineBytes + 2), alignment: 16)
    }

    /// Where the next line starts, with the number of lines before it: after reading a byte
    /// range, the start of the next range (`LineStart.locate` need not scan for it again).
    public var nextLineStart: LineStart { LineStart(offset: offset, linesBefore: lineNumber) }

    deinit { buffer.deallocate() }

    /// The next line, or `nil` at the end of the stream.
    /// - Throws: `ByteSourceError` when the source fails; lines returned before are good, a
    ///   partial line at the point of failure is dropped.
    public func next() throws(ByteSourceError) -> Event? {
        if let endOffset, offset >= endOffset { return nil }
        var searchFrom = start
        while true {
            if let newline = findNewline(from: searchFrom) {
                return emitLine(upTo: newline, consumed: newline + 1)
            }
            searchFrom = end
            if end - start > maxLineBytes + 1 { return try skipLongLine() }  // + 1: a CR may follow
            if sourceEnded {
                return start < end ? emitLine(upTo: end, consumed: end) : nil
            }
            let kept = end - start
            try fill()
            searchFrom = start + kept
        }
    }

    /// Reads up to `count` bytes of the stream (from the current position) into `output`.
    /// - Returns: the number of bytes appended; fewer than `count` only at the end.
    public func readExactly(_ count: Int, into output: inout [UInt8]) throws(ByteSourceError) -> Int {
        output.reserveCapacity(output.count + min(count, 1 << 20))
        return try consume(count) { output.append(contentsOf: $0) }
    }

    /// Skips up to `count` bytes; returns how many were skipped (fewer only at the end).
    public func skip(_ count: Int64) throws(ByteSourceError) -> Int64 {
        var skipped: Int64 = 0
        while skipped < count {
            let step = Int(min(count - skipped, Int64(Int.max / 2)))
            let n = try consume(step) { _ in }
            skipped += Int64(n)
            if n < step { break }
        }
        return skipped
    }

    /// The next bytes of the stream, without consuming them: at least `count` unless the
    /// stream ends first (more when more are buffered). Valid until the next call.
    public func peek(_ count: Int) throws(ByteSourceError) -> UnsafeRawBufferPointer {
        while end - start < count, !sourceEnded { try fill() }
        return UnsafeRawBufferPointer(rebasing: buffer[start..<end])
    }

    /// Puts back the line `next()` just returned, so that the next call returns it again.
    /// - Precondition: `line` is the last line returned and no call was made since (its bytes
    ///   are still in the buffer, just before the read position).
    public func unreadLine(_ line: Line) {
        let lineStart = Int(line.offset - bufferOffset)
        precondition(lineStart >= 0 && lineStart <= start, "unreadLine: not the last line returned")
        start = lineStart
        lineNumber -= 1
    }

    /// Puts back `bytes`, which must be the bytes just consumed (they end at `offset`): they
    /// are read again, from `offset - bytes.count`. Lines read again are numbered again (the
    /// line count is not wound back). For resynchronising on a record boundary found inside
    /// a block that was read too far.
    /// - Precondition: `bytes` does not point into this reader's buffer (copy a `Line` first).
    public func unread(_ bytes: UnsafeRawBufferPointer) {
        let n = bytes.count
        guard n > 0, let source = bytes.baseAddress else { return }
        if n > start {
            makeRoom(before: n)
        }
        start -= n
        // Safe: start..<start + n lies inside the buffer (makeRoom made room before `start`).
        (buffer.baseAddress! + start).copyMemory(from: source, byteCount: n)
    }

    // MARK: - Internals

    /// Moves the unread bytes so that at least `n` free bytes precede them, growing the
    /// buffer if needed; the stream offset of the unread bytes does not change.
    private func makeRoom(before n: Int) {
        let kept = end - start
        let capacity = max(buffer.count, n + kept)
        let target = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        // Safe: `kept` initialized bytes from `start`; n + kept <= capacity.
        (target.baseAddress! + n).copyMemory(from: buffer.baseAddress! + start, byteCount: kept)
        buffer.deallocate()
        buffer = target
        bufferOffset += Int64(start - n)
        start = n
        end = n + kept
    }

    private func emitLine(upTo lineEnd: Int, consumed: Int) -> Event {
        var length = lineEnd - start
        // Safe: lineEnd - 1 >= start is inside the filled part of the buffer.
        if length > 0, buffer[lineEnd - 1] == UInt8(ascii: "\r") { length -= 1 }
        lineNumber += 1
        let line = Line(
            bytes: UnsafeRawBufferPointer(rebasing: buffer[start..<(start + length)]),
            number: lineNumber, offset: bufferOffset + Int64(start))
        start = consumed
        if length > maxLineBytes {
            return .tooLong(number: line.number, offset: line.offset, length: Int64(length))
        }
        return .line(line)
    }

    private func findNewline(from index: Int) -> Int? {
        guard index < end, let base = buffer.baseAddress else { return nil }
        // Safe: base + index ..< base + end is the filled part of the buffer.
        guard let hit = memchr(base + index, 0x0A, end - index) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Discards the current (overlong) line up to its newline.
    private func skipLongLine() throws(ByteSourceError) -> Event {
        lineNumber += 1
        let number = lineNumber
        let lineOffset = offset
        var length = Int64(0)
        while true {
            if let newline = findNewline(from: start) {
                length += Int64(newline - start)
                start = newline + 1
                break
            }
            length += Int64(end - start)
            start = end
            if sourceEnded { break }
            try fill()
        }
        return .tooLong(number: number, offset: lineOffset, length: length)
    }

    /// Calls `body` with successive pieces of the next `count` bytes.
    private func consume(_ count: Int, _ body: (UnsafeRawBufferPointer) -> Void) throws(ByteSourceError) -> Int {
        var done = 0
        while done < count {
            if start == end {
                if sourceEnded { break }
                try fill()
                continue
            }
            let n = min(count - done, end - start)
            body(UnsafeRawBufferPointer(rebasing: buffer[start..<(start + n)]))
            start += n
            done += n
        }
        return done
    }

    /// Reads more bytes: compacts the unread part to the front, grows the buffer (up to the
    /// line limit plus room for `\r\n`) when it is full, then reads from the source.
    private func fill() throws(ByteSourceError) {
        if start > 0 {
            let kept = end - start
            if kept > 0, let base = buffer.baseAddress {
                // Safe: both ranges lie inside the buffer; memmove allows overlap.
                memmove(base, base + start, kept)
            }
            bufferOffset += Int64(start)
            start = 0
            end = kept
        }
        if end == buffer.count { grow() }
        let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
        if n == 0 { sourceEnded = true }
        end += n
    }

    private func grow() {
        let capacity = max(buffer.count * 2, 4096)
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        // Safe: `end` bytes are initialized in the old buffer and fit in the new one.
        bigger.copyMemory(from: UnsafeRawBufferPointer(rebasing: buffer[..<end]))
        buffer.deallocate()
        buffer = bigger
    }
}
