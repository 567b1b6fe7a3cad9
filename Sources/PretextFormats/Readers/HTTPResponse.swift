/// The parts of an HTTP/1.x response (a WARC `response` record block) the reader needs.
struct HTTPResponse {
    /// The status code (e.g. 200).
    var status: Int
    /// The response header fields.
    var headers: WARCHeaders
    /// Where the payload starts in the block (the block's end when `headersEnd` is false).
    var payloadStart: Int
    /// Whether the header block ends with a blank line, as it must.
    var headersEnd: Bool

    /// Parses the status line and headers of `block`; `nil` when it does not start with an
    /// HTTP status line (`HTTP/…` and a three-digit code).
    init?(block: UnsafeRawBufferPointer) {
        guard block.starts(with: "HTTP/".utf8) else { return nil }
        var headers = WARCHeaders()
        var lineStart = 0
        var status: Int?
        var headersEnd = false
        while lineStart < block.count {
            let newline = block[lineStart...].firstIndex(of: 0x0A)
            var lineEnd = newline ?? block.count
            if lineEnd > lineStart, block[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = UnsafeRawBufferPointer(rebasing: block[lineStart..<lineEnd])
            lineStart = newline.map { $0 + 1 } ?? block.count
            if status == nil {
                status = HTTPResponse.statusCode(line)
                guard status != nil else { return nil }
            } else if line.isEmpty, newline != nil {
                headersEnd = true
                break
            } else {
                _ = headers.add(line: line)
            }
        }
        guard let status else { return nil }
        self.status = status
        self.headers = headers
        self.headersEnd = headersEnd
        payloadStart = lineStart
    }

    /// The media type of `Content-Type`, lowercased, without parameters.
    var mediaType: String {
        let value = headers["content-type"] ?? ""
        return value.split(separator: ";").first.map { $0.trimmingSpaces().lowercased() } ?? ""
    }

    /// The `charset` parameter of `Content-Type`, lowercased, or `nil`.
    var charset: String? {
        guard let value = headers["content-type"] else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingSpaces().lowercased() == "charset" {
                return parts[1].trimmingSpaces().trimmingCharacters(in: "\"'").lowercased()
            }
        }
        return nil
    }

    private static func statusCode(_ line: UnsafeRawBufferPointer) -> Int? {
        // "HTTP/1.1 200 OK": the three digits after the first space.
        guard let space = line.firstIndex(of: 0x20), space + 4 <= line.count else { return nil }
        var code = 0
        for b in line[(space + 1)..<(space + 4)] {
            guard b >= 0x30, b <= 0x39 else { return nil }
            code = code * 10 + Int(b - 0x30)
        }
        return code
    }
}

extension Substring {
    func trimmingSpaces() -> String { trimmingCharacters(in: " \t") }

    func trimmingCharacters(in set: String) -> String {
        var view = self[...]
        while let first = view.first, set.contains(first) { view = view.dropFirst() }
        while let last = view.last, set.contains(last) { view = view.dropLast() }
        return String(view)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String { self[...].trimmingCharacters(in: set) }
}
