// pretext-stream-read DATASET [--write]
//
// Reads every document shard of DATASET in file order, frame by frame, with
// `ShardReader.forEachRecord`, and prints the record and byte counts to stderr. With
// `--write` the records (newline-terminated) also go to stdout, like `pretext cat` does,
// so the cost of writing them out can be measured too (`> /dev/null`).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Pretext

/// The `*.zst` files of DATASET/shards, sorted by name.
func shardPaths(_ dataset: String) -> [String] {
    let directory = dataset + "/shards"
    guard let dir = opendir(directory) else {
        fputs("error: cannot open \(directory)\n", stderr)
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

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    fputs("usage: pretext-stream-read DATASET [--write]\n", stderr)
    exit(2)
}
let echoRecords = arguments.dropFirst(2).contains("--write")
var records = 0
var bytes = 0
// A 1 MiB output buffer flushed with write(2): stdout through FILE* would add a lock per call.
let capacity = 1 << 20
let output = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
var fill = 0
func flush() {
    var done = 0
    while done < fill {
        let n = write(1, output.baseAddress! + done, fill - done)  // !: allocated above.
        if n <= 0 { perror("write"); exit(1) }
        done += n
    }
    fill = 0
}
do {
    for path in shardPaths(arguments[1]) {
        let reader = try ShardReader(path: path)
        try reader.forEachRecord { record, _ in
            records += 1
            bytes += record.count + 1
            guard echoRecords else { return }
            if fill + record.count + 1 > capacity { flush() }
            if record.count + 1 > capacity {
                _ = write(1, record.baseAddress!, record.count)  // !: count >= capacity > 0.
                _ = write(1, "\n", 1)
                return
            }
            if let base = record.baseAddress {
                (output.baseAddress! + fill).copyMemory(from: base, byteCount: record.count)  // !: allocated above.
                fill += record.count
            }
            output[fill] = 0x0A
            fill += 1
        }
    }
    flush()
} catch {
    fputs("error: \(error)\n", stderr)
    exit(1)
}
fputs("\(records) records, \(bytes) bytes\n", stderr)
