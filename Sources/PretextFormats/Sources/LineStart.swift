#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line start in a plain (uncompressed) file, with the number of lines before it: where a
/// task reading a byte range of the file begins, so that its line numbers (in rejects, in
/// generated ids) are the file's own.
public struct LineStart: Sendable, Equatable, Hashable {
    /// The byte offset of the line's first byte (the file size when no line starts there).
    public var offset: Int64
    /// The number of lines before it (the line's 1-based number minus one).
    public var linesBefore: Int

    /// A line start; the default is the file's first line.
    public init(offset: Int64 = 0, linesBefore: Int = 0) {
        self.offset = offset
        self.linesBefore = linesBefore
    }

    /// The first line start at or after `offset` in the plain file `path`: offset 0, or the
    /// byte after the first `\n` at or after `offset - 1`; the file size when the rest of the
    /// file holds no newline. A byte range `[s, e)` of a file holds the lines that start in it.
    ///
    /// Counts the newlines before it by reading the file from `known` (a line start at or
    /// before `offset`, such as where the task's previous range of the file ended) or from
    /// the start: one pass of `memchr` over the bytes in between.
    ///
    /// - Throws: `ByteSourceError` when the file cannot be read.
    public static func locate(
        atOrAfter offset: Int64, in path: String, from known: LineStart? = nil
    ) throws(ByteSourceError) -> LineStart {
        var start = known.flatMap { $0.offset <= offset ? $0 : nil } ?? LineStart()
        if offset == start.offset { return start }
        let source = try FileByteSource(path: path, offset: start.offset)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: FileByteSource.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var position = start.offset
        while true {
            let count = try source.read(into: buffer)
            if count == 0 { return LineStart(offset: position, linesBefore: start.linesBefore) }
            // Safe: the first `count` bytes of `buffer` were just filled.
            let bytes = UnsafeRawBufferPointer(rebasing: buffer[..<count])
            if let found = scan(bytes, at: position, until: offset - 1, counting: &start.linesBefore) {
                return LineStart(offset: found, linesBefore: start.linesBefore)
            }
            position += Int64(count)
        }
    }

    /// Counts the newlines of `bytes` (which start at file offset `base`); returns the offset
    /// after the first newline at or after `limit` (counted too), or `nil` when there is none.
    private static func scan(
        _ bytes: UnsafeRawBufferPointer, at base: Int64, until limit: Int64, counting lines: inout Int
    ) -> Int64? {
        guard let start = bytes.baseAddress else { return nil }
        var index = 0
        while index < bytes.count {
            // Safe: start + index ..< start + bytes.count lies inside `bytes`.
            guard let hit = memchr(start + index, 0x0A, bytes.count - index) else { return nil }
            let found = UnsafeRawPointer(hit) - start
            lines += 1
            if base + Int64(found) >= limit { return base + Int64(found) + 1 }
            index = found + 1
        }
        return nil
    }
}
