import Foundation

/// Runs command-line tools the tests compare against (`zstd`, `gzip`, `sqlite3`), found on
/// `PATH` through `/usr/bin/env`.
public enum ExternalTool {
    /// What a tool printed on standard output, and how it ended.
    public struct Output: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output, whole.
        public var bytes: [UInt8]
    }

    /// Runs `name ARGUMENTS`, feeding `input` on standard input (on its own thread, so a large
    /// input and output cannot block each other); standard error is discarded.
    public static func run(_ name: String, _ arguments: [String], input: [UInt8]? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let feed = input.map { _ in Pipe() }
        if let feed { process.standardInput = feed }
        try process.run()
        if let feed, let input {
            let writer = Thread {
                feed.fileHandleForWriting.write(Data(input))
                try? feed.fileHandleForWriting.close()
            }
            writer.start()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, bytes: Array(data))
    }

    /// `bytes` compressed by `tool -c ARGUMENTS` (`gzip`, `zstd -q`).
    public static func compress(_ bytes: [UInt8], with tool: String, _ arguments: [String] = []) throws -> [UInt8] {
        try run(tool, ["-c"] + arguments, input: bytes).bytes
    }
}

/// Flips the lowest bit of the byte at `offset` of a file (to damage it on purpose).
public func flipByte(_ path: String, at offset: Int) throws {
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
    bytes[offset] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}
