import PretextCore

/// The HTTP/1.1 `chunked` transfer coding (RFC 9112 §7.1), undone.
///
/// A chunked body is a run of chunks, each a hexadecimal size line (optionally with
/// `;extensions`), that many bytes, and CRLF; a chunk of size 0 ends it, followed by optional
/// trailer fields and a blank line, which are ignored. Bare LF line ends are accepted.
enum ChunkedBody {
    /// The body's data, or a `malformed_chunked_body` problem naming the payload offset.
    static func decode(_ body: UnsafeRawBufferPointer, limit: Int) -> Result<[UInt8], PayloadProblem> {
        var output: [UInt8] = []
        var i = 0
        while true {
            guard let newline = body[i...].firstIndex(of: 0x0A) else {
                return failure("the chunked body ends at byte \(i) without its last (zero-size) chunk")
            }
            guard let size = chunkSize(UnsafeRawBufferPointer(rebasing: body[i..<newline])) else {
                return failure("the chunk size line at byte \(i) is not a hexadecimal size")
            }
            let start = newline + 1
            if size == 0 { return .success(output) }
            guard size <= body.count - start else {
                return failure("the chunk at byte \(i) has \(size) bytes but only \(body.count - start) remain")
            }
            guard output.count + size <= limit else {
                return .failure(
                    PayloadProblem(
                        reason: .tooLarge,
                        detail: "the de-chunked HTTP payload is larger than max_warc_record_bytes (\(limit))"))
            }
            output.append(contentsOf: body[start..<(start + size)])
            i = start + size
            let after = body[i...]
            if after.starts(with: [0x0D, 0x0A]) {
                i += 2
            } else if after.first == 0x0A {
                i += 1
            } else {
                return failure("the chunk ending at byte \(i) is not followed by a line break")
            }
        }
    }

    /// The size of a chunk size line (`1a2b`, `1a2b;name=value`, blanks around allowed), or
    /// `nil` when it is not hexadecimal or longer than 15 digits (more than any record holds).
    private static func chunkSize(_ line: UnsafeRawBufferPointer) -> Int? {
        let end = line.firstIndex(of: UInt8(ascii: ";")) ?? line.count
        let digits = TextBytes.trimmingASCIIWhitespace(UnsafeRawBufferPointer(rebasing: line[..<end]))
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var size = 0
        for b in digits {
            guard let digit = hexValue(b) else { return nil }
            size = size << 4 | digit  // at most 15 hex digits: below 2^60, no overflow
        }
        return size
    }

    private static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(b - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(b - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func failure(_ detail: String) -> Result<[UInt8], PayloadProblem> {
        .failure(PayloadProblem(reason: .malformedChunkedBody, detail: detail))
    }
}
