import Foundation
import PretextCore

@testable import PretextFormats

/// A fresh temporary directory for one test, removed when released.
final class TempDir {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "pretext-formats-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` (creating subdirectories) and returns the full path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// Compresses bytes with the `gzip` or `zstd` command-line tool.
func compress(_ bytes: [UInt8], with tool: String, _ arguments: [String] = []) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool, "-c"] + arguments
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
        input.fileHandleForWriting.write(Data(bytes))
        try? input.fileHandleForWriting.close()
    }
    writer.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}

func gzip(_ text: String) throws -> [UInt8] { try compress(Array(text.utf8), with: "gzip") }
func zstd(_ text: String) throws -> [UInt8] { try compress(Array(text.utf8), with: "zstd", ["-q"]) }

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
