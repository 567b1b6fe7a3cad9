import CZlib
import PretextCore

/// An HTTP body compressed with `Content-Encoding: gzip` or `deflate` (or a transfer coding of
/// the same names), inflated in memory with zlib.
///
/// `gzip` (and `x-gzip`) takes gzip members, one after another; `deflate` takes a zlib stream
/// (RFC 9110 §8.4.1.2) or, as some servers send it, a raw deflate stream. The output is
/// bounded by `limit` (an untrusted body can inflate a thousandfold).
enum InflatedBody {
    /// Which header the stream must have.
    enum Format {
        /// gzip (or zlib: zlib tells them apart by the header).
        case gzip
        /// zlib, or raw deflate when the zlib header is missing.
        case deflate
    }

    /// The inflated body, or a `corrupt_content_encoding` (or `too_large`) problem.
    static func decode(
        _ body: UnsafeRawBufferPointer, _ format: Format, coding: String, limit: Int
    )
        -> Result<[UInt8], PayloadProblem>
    {
        let raw = format == .deflate && !hasZlibHeader(body)
        return inflate(body, raw: raw, limit: limit).mapError { problem($0, coding: coding, limit: limit) }
    }

    /// Whether `body` starts with a zlib header (RFC 1950: method 8, the two bytes a multiple
    /// of 31).
    private static func hasZlibHeader(_ body: UnsafeRawBufferPointer) -> Bool {
        guard body.count >= 2 else { return false }
        return body[0] & 0x0F == 8 && (Int(body[0]) << 8 | Int(body[1])) % 31 == 0
    }

    /// What went wrong inside zlib.
    private enum Failure: Error {
        /// The data is damaged at this input offset (zlib status given).
        case corrupt(at: Int, status: Int32)
        /// The input ends before the stream does.
        case truncated
        /// The output passed the limit.
        case tooLarge
    }

    private static func problem(_ failure: Failure, coding: String, limit: Int) -> PayloadProblem {
        switch failure {
        case .corrupt(let offset, let status):
            PayloadProblem(
                reason: .corruptContentEncoding,
                detail: "the \(coding)-coded HTTP body is corrupt near byte \(offset) (zlib status \(status))")
        case .truncated:
            PayloadProblem(
                reason: .corruptContentEncoding, detail: "the \(coding)-coded HTTP body ends before its stream does")
        case .tooLarge:
            PayloadProblem(
                reason: .tooLarge,
                detail: "the \(coding)-decoded HTTP payload is larger than max_warc_record_bytes (\(limit))")
        }
    }

    private static func inflate(_ body: UnsafeRawBufferPointer, raw: Bool, limit: Int) -> Result<[UInt8], Failure> {
        guard let input = body.baseAddress, !body.isEmpty else { return .failure(.truncated) }
        // zlib keeps a pointer back to its z_stream and checks it on every call: the stream
        // lives at a stable heap address until `inflateEnd`.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { stream.deallocate() }
        guard (raw ? pretext_inflate_init_raw(stream) : pretext_inflate_init_gzip(stream)) == Z_OK else {
            return .failure(.corrupt(at: 0, status: Z_MEM_ERROR))
        }
        defer { inflateEnd(stream) }
        // Safe: zlib only reads `next_in` (the pointer is mutable in its C declaration only).
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(body.count)  // a WARC record block: at most max_warc_record_bytes < 2^32
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let consumed = body.count - Int(stream.pointee.avail_in)
            let (status, produced) = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.pointee.next_out = buffer.baseAddress
                stream.pointee.avail_out = uInt(buffer.count)
                let status = CZlib.inflate(stream, Z_NO_FLUSH)
                return (status, buffer.count - Int(stream.pointee.avail_out))
            }
            guard output.count + produced <= limit else { return .failure(.tooLarge) }
            output.append(contentsOf: chunk[..<produced])
            switch status {
            case Z_STREAM_END:
                guard let next = nextMember(stream, raw: raw) else { return .success(output) }
                if !next {
                    return .failure(.corrupt(at: body.count - Int(stream.pointee.avail_in), status: Z_DATA_ERROR))
                }
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.pointee.avail_in == 0:
                return .failure(.truncated)
            default:
                return .failure(.corrupt(at: consumed, status: status))
            }
        }
    }

    /// After a stream ends: `nil` when nothing but zero padding follows (done), `true` when
    /// another gzip member follows (zlib was reset for it), `false` for other trailing data.
    private static func nextMember(_ stream: UnsafeMutablePointer<z_stream>, raw: Bool) -> Bool? {
        // avail_in > 0: next_in points at a readable byte.
        while stream.pointee.avail_in > 0, stream.pointee.next_in.pointee == 0 {
            stream.pointee.next_in += 1
            stream.pointee.avail_in -= 1
        }
        guard stream.pointee.avail_in > 0 else { return nil }
        guard !raw, stream.pointee.next_in.pointee == 0x1F else { return false }
        inflateReset(stream)
        return true
    }
}
