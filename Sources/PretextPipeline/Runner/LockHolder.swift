#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who holds an output lock: what a run writes into its lock files, and what a second run
/// prints when it finds them held.
///
/// Stored as `key: value` lines (`pid`, `host`, `started`, `command`, and `config` for a
/// step's dataset folder: the step's configuration hash and world size, `HASH-wN`).
struct LockHolder: Sendable, Equatable, CustomStringConvertible {
    /// The holding process's id.
    var pid: Int32
    /// The machine it runs on.
    var host: String
    /// When it took the lock, ISO 8601 in UTC.
    var started: String
    /// Its command line.
    var command: String
    /// What it writes into the folder, for a step's dataset (`HASH-wN`), if known.
    var config: String?

    /// This process, now.
    static func current(config: String? = nil) -> LockHolder {
        LockHolder(
            pid: getpid(), host: hostName(), started: utcTimestamp(),
            command: CommandLine.arguments.joined(separator: " "), config: config)
    }

    /// The lock file's text.
    var encoded: String {
        var lines = ["pid: \(pid)", "host: \(host)", "started: \(started)", "command: \(command)"]
        if let config { lines.append("config: \(config)") }
        // One line per field: a newline inside a value (a command argument) becomes a space.
        return lines.map { $0.map { $0.isNewline ? " " : $0 } }.map { String($0) + "\n" }.joined()
    }

    /// Reads a lock file's text; `nil` when it names no process (empty, or not written yet).
    init?(parsing text: String) {
        var fields: [Substring: String] = [:]
        for line in text.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon]] = String(line[line.index(after: colon)...].drop { $0 == " " })
        }
        guard let pid = fields["pid"].flatMap({ Int32($0) }) else { return nil }
        self.init(
            pid: pid, host: fields["host"] ?? "?", started: fields["started"] ?? "?",
            command: fields["command"] ?? "?", config: fields["config"])
    }

    init(pid: Int32, host: String, started: String, command: String, config: String?) {
        self.pid = pid
        self.host = host
        self.started = started
        self.command = command
        self.config = config
    }

    /// `pid 4242 on host node1, started 2025-12-03T15:54:00Z, command: pretext run p.yaml`.
    var description: String {
        "pid \(pid) on host \(host), started \(started), command: \(command)"
    }

    private static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func utcTimestamp() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
