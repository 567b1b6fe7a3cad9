import Foundation
import PretextTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `pretext` binary the way a user would, from the repository root.
enum CLI {
    /// The repository root, from this file's location.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/PretextCLITests/CLIHarness.swift
        return parts.joined(separator: "/")
    }()

    /// The `pretext` executable built beside this test bundle.
    static let binary = BuiltExecutable.path(named: "pretext")

    /// What a run printed and how it ended.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `pretext ARGUMENTS` in `directory` (default: the repository root) and waits.
    static func run(_ arguments: [String], in directory: String = root) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot fill a pipe and block.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `pretext ARGUMENTS` from the repository root without waiting; standard error goes
    /// to the file `stderr` when given (a file, not a pipe: nothing blocks when no one reads).
    static func start(_ arguments: [String], stderr: String? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let stderr {
            _ = FileManager.default.createFile(atPath: stderr, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        }
        try process.run()
        return process
    }

    /// Starts `pretext ARGUMENTS` once per delay and kills it with SIGKILL after that delay if
    /// it still runs.
    ///
    /// - Returns: how many runs were interrupted.
    static func killRepeatedly(_ arguments: [String], after delays: [Double]) throws -> Int {
        var interrupted = 0
        for delay in delays {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                interrupted += 1
            }
            process.waitUntilExit()
        }
        return interrupted
    }
}
