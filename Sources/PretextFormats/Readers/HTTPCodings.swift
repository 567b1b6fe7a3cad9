import PretextCore

/// Undoes the transfer codings (`Transfer-Encoding`) and content codings
/// (`Content-Encoding`) of an HTTP payload, as WARC files written by wget and warcio keep
/// them: the response exactly as it came over the wire.
///
/// Codings are undone last-applied first: the transfer codings in reverse order, then the
/// content codings in reverse order. Known: `chunked` (transfer only), `gzip`, `x-gzip`,
/// `deflate`; `identity` and empty entries are ignored. Any other coding (`br`, `zstd`,
/// `compress`) is an `unsupported_encoding` problem.
enum HTTPCodings {
    /// The payload with its codings undone: `nil` when there are none (the payload is used as
    /// it is), else the decoded bytes or the problem.
    static func decode(
        _ payload: UnsafeRawBufferPointer, headers: WARCHeaders, limit: Int
    ) -> Result<
        [UInt8]?, PayloadProblem
    > {
        let transfer = codings(headers["transfer-encoding"])
        let content = codings(headers["content-encoding"])
        guard !transfer.isEmpty || !content.isEmpty else { return .success(nil) }
        var body = Array(payload)
        for (coding, header) in transfer.reversed().map({ ($0, "Transfer-Encoding") })
            + content.reversed().map({ ($0, "Content-Encoding") })
        {
            let step = body.withUnsafeBytes { undo(coding, header: header, $0, limit: limit) }
            switch step {
            case .success(let decoded): body = decoded
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(body)
    }

    /// The codings of a header value, lowercased, without `identity` and blanks.
    static func codings(_ value: String?) -> [String] {
        guard let value else { return [] }
        return value.split(separator: ",").map { $0.trimmingSpaces().lowercased() }.filter {
            !$0.isEmpty && $0 != "identity"
        }
    }

    private static func undo(
        _ coding: String, header: String, _ body: UnsafeRawBufferPointer, limit: Int
    ) -> Result<
        [UInt8], PayloadProblem
    > {
        switch coding {
        case "chunked" where header == "Transfer-Encoding":
            ChunkedBody.decode(body, limit: limit)
        case "gzip", "x-gzip":
            InflatedBody.decode(body, .gzip, coding: coding, limit: limit)
        case "deflate":
            InflatedBody.decode(body, .deflate, coding: coding, limit: limit)
        default:
            .failure(
                PayloadProblem(
                    reason: .unsupportedEncoding,
                    detail: "HTTP \(header) '\(coding)' is not supported (only chunked, gzip and deflate)"))
        }
    }
}
