// pretext-stream-read DATASET [--write]
//
// Reads every document shard of DATASET in file order, frame by frame, with
// `ShardReader.forEachRecord`, and prints the record and byte counts to stderr. With
// `--write` the records (newline-terminated) also go to stdout, as `pretext cat` prints them,
// so the cost of writing them out is measured too (`> /dev/null`).
import Pretext

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
enum StreamRead {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            printError("usage: pretext-stream-read DATASET [--write]")
            exit(2)
        }
        let echo = arguments.dropFirst(2).contains("--write")
        var output = OutputBuffer(capacity: 1 << 20)
        var records = 0
        var bytes = 0
        do {
            for path in shardPaths(arguments[1]) {
                try ShardReader(path: path).forEachRecord { record, _ in
                    records += 1
                    bytes += record.count + 1
                    if echo { output.appendLine(record) }
                }
            }
            output.flush()
        } catch {
            printError("error: \(error)")
            exit(1)
        }
        printError("\(records) records, \(bytes) bytes")
    }

    /// The `*.zst` files of DATASET/shards, sorted by name.
    static func shardPaths(_ dataset: String) -> [String] {
        let directory = dataset + "/shards"
        guard let dir = opendir(directory) else {
            printError("error: cannot open \(directory)")
            exit(1)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".zst") && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().map { directory + "/" + $0 }
    }
}

/// Writes a line to standard error (fd 2; the C `stderr` global is not concurrency-safe).
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// A buffer flushed to stdout with write(2), as a CLI printing records should do (stdio's
/// FILE* would take a lock per call).
struct OutputBuffer {
    private let storage: UnsafeMutableRawBufferPointer
    private var fill = 0

    init(capacity: Int) {
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    mutating func appendLine(_ line: UnsafeRawBufferPointer) {
        if fill + line.count + 1 > storage.count { flush() }
        if line.count + 1 > storage.count {
            Self.writeAll(line)
            storage[0] = 0x0A
            Self.writeAll(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<1]))
            return
        }
        if line.count > 0 {
            UnsafeMutableRawBufferPointer(rebasing: storage[fill..<fill + line.count]).copyMemory(from: line)
            fill += line.count
        }
        storage[fill] = 0x0A
        fill += 1
    }

    mutating func flush() {
        Self.writeAll(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[0..<fill]))
        fill = 0
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        var done = 0
        while done < bytes.count {
            let n = write(1, base + done, bytes.count - done)
            if n <= 0 { perror("write"); exit(1) }
            done += n
        }
    }
}
