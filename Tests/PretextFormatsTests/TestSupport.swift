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
