import PretextCore
import PretextTestSupport

@testable import PretextFormats

/// `text` compressed by the `gzip` or `zstd` command-line tool.
func gzip(_ text: String) throws -> [UInt8] { try ExternalTool.compress(Array(text.utf8), with: "gzip") }
func zstd(_ text: String) throws -> [UInt8] { try ExternalTool.compress(Array(text.utf8), with: "zstd", ["-q"]) }

/// Reads a file with the given options and returns its events.
func events(_ path: String, _ format: InputFormat, _ options: IngestOptions = IngestOptions()) throws -> [InputEvent] {
    try InputReader(file: InputFile(path: path, format: format, compression: .none, size: 0), options: options)
        .readAll()
}

extension InputEvent {
    var document: IngestedDocument? {
        if case .document(let document) = self { return document }
        return nil
    }

    var reject: InputReject? {
        if case .reject(let reject) = self { return reject }
        return nil
    }
}

/// A WARC record of `type` around `block`, framed as the spec says.
func warcRecord(
    _ type: String, id: String, uri: String = "http://example.com/", headers: [String] = [], block: [UInt8]
) -> [UInt8] {
    var head =
        "WARC/1.0\r\nWARC-Type: \(type)\r\nWARC-Record-ID: \(id)\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
    for header in headers { head += header + "\r\n" }
    head += "Content-Length: \(block.count)\r\n\r\n"
    return Array(head.utf8) + block + Array("\r\n\r\n".utf8)
}

/// An HTTP response block: status line, `Content-Type`, `extra` header lines, body.
func httpBlock(_ contentType: String, _ body: String, status: String = "200 OK", extra: String = "") -> [UInt8] {
    Array(
        "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\n\(extra)Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
            .utf8)
}
