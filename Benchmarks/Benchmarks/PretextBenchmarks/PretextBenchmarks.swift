// Micro-benchmarks of Pretext's hot paths, on a seeded in-memory corpus of ~8 MB of JSONL
// (SyntheticCorpus). Each iteration processes the whole corpus once, so MB/s =
// (bytes per iteration, printed in the benchmark's name) × throughput (iterations/s).
//
//   swift package --package-path Benchmarks benchmark
//   swift package --package-path Benchmarks benchmark --filter "ShardWriter.*"
//
// Files written by the store benchmarks go to $TMPDIR (default /tmp) and are removed.
import Benchmark
import Pretext

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The corpus, generated once per process.
nonisolated(unsafe) let corpus = SyntheticCorpus(bytes: 8 << 20)

/// The document records (`{"id","text","source","meta"}` lines) of the corpus, as ingest
/// writes them, with the JSONL input bytes they came from.
nonisolated(unsafe) let records: [[UInt8]] = {
    let path = temporaryFile("records.jsonl", contents: corpus.jsonl)
    defer { unlink(path) }
    var out: [[UInt8]] = []
    let file = InputFile(path: path, format: .jsonl, compression: .none, size: Int64(corpus.jsonl.count))
    _ = try! InputReader(file: file).read { event in  // try!: a generated, valid corpus.
        if case .document(let document) = event {
            var record: [UInt8] = []
            document.appendRecord(source: "bench", to: &record)
            out.append(record)
        }
    }
    return out
}()

let recordBytes = records.reduce(0) { $0 + $1.count }

func temporaryFile(_ name: String, contents: [UInt8]) -> String {
    let directory = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
    let path = "\(directory)/pretext-bench-\(getpid())-\(name)"
    let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY, 0o644)
    precondition(fd >= 0, "cannot create \(path)")
    contents.withUnsafeBytes { bytes in
        var done = 0
        while done < bytes.count {
            let n = write(fd, bytes.baseAddress! + done, bytes.count - done)  // !: count > 0 here.
            precondition(n > 0, "cannot write \(path)")
            done += n
        }
    }
    close(fd)
    return path
}

func temporaryDirectory() -> String {
    let directory = String(cString: getenv("TMPDIR") ?? strdup("/tmp"))
    var template = Array("\(directory)/pretext-bench-XXXXXX".utf8CString)
    precondition(mkdtemp(&template) != nil, "mkdtemp failed")
    return String(cString: template)
}

/// Writes all records into one shard in `directory`; returns its path.
@discardableResult
func writeShard(in directory: String, name: String = "bench.jsonl.zst") throws -> String {
    let writer = try ShardWriter(directory: directory, name: name)
    for record in records {
        _ = try record.withUnsafeBytes { try writer.append($0) }
    }
    _ = try writer.finish()
    return writer.path
}

func mb(_ bytes: Int) -> String { String(Double(bytes / 10_000) / 100) + " MB" }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(3),
        maxIterations: 50)

    // MARK: store

    catalogBenchmarks()

    Benchmark("ShardWriter append+finish, \(mb(recordBytes)) of records, level 3") { benchmark in
        let directory = temporaryDirectory()
        defer { rmdir(directory) }
        for _ in benchmark.scaledIterations {
            let path = try writeShard(in: directory)
            unlink(path)
        }
    }

    Benchmark("ShardReader frames (decompress + XXH64), \(mb(recordBytes))") { benchmark in
        let directory = temporaryDirectory()
        let path = try writeShard(in: directory)
        defer { unlink(path); rmdir(directory) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let reader = try ShardReader(path: path)
            var total = 0
            for index in 0..<reader.frameCount {
                total += try reader.withFrame(index) { $0.count }
            }
            blackHole(total)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("ShardReader forEachRecord, \(mb(recordBytes))") { benchmark in
        let directory = temporaryDirectory()
        let path = try writeShard(in: directory)
        defer { unlink(path); rmdir(directory) }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let reader = try ShardReader(path: path)
            var count = 0
            try reader.forEachRecord { record, _ in count += record.count }
            blackHole(count)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("ShardReader random record fetch (catalog order), \(records.count) records") { benchmark in
        let directory = temporaryDirectory()
        let path = try writeShard(in: directory)
        defer { unlink(path); rmdir(directory) }
        // Every record's location, visited in a seeded shuffle: what a catalog-ordered read
        // does when the order does not follow the shard.
        var locations: [RecordLocation] = []
        try ShardReader(path: path).forEachRecord { _, location in locations.append(location) }
        var rng = SplitMix64(seed: 7)
        locations.shuffle(using: &rng)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let reader = try ShardReader(path: path)
            var total = 0
            for location in locations.prefix(200) {
                total += try reader.withRecord(frame: location.frame, offset: location.offset, length: location.length)
                {
                    $0.count
                }
            }
            blackHole(total)
        }
        benchmark.stopMeasurement()
    }

    // MARK: ingest per-record path

    Benchmark("InputReader JSONL file → document records, \(mb(corpus.jsonl.count))") { benchmark in
        let path = temporaryFile("input.jsonl", contents: corpus.jsonl)
        defer { unlink(path) }
        let file = InputFile(path: path, format: .jsonl, compression: .none, size: Int64(corpus.jsonl.count))
        var record: [UInt8] = []
        record.reserveCapacity(1 << 16)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var total = 0
            try InputReader(file: file).read { event in
                guard case .document(let document) = event else { return }
                record.removeAll(keepingCapacity: true)
                document.appendRecord(source: path, to: &record)
                total += record.count
            }
            blackHole(total)
        }
        benchmark.stopMeasurement()
    }

    Benchmark("JSONScanner.scanObject per line, \(mb(corpus.jsonl.count))") { benchmark in
        var scanner = JSONScanner()
        for _ in benchmark.scaledIterations {
            var members = 0
            try corpus.jsonl.withUnsafeBytes { all in
                for line in corpus.lines {
                    try scanner.scanObject(UnsafeRawBufferPointer(rebasing: all[line]))
                    members += scanner.members.count
                }
            }
            blackHole(members)
        }
    }

    Benchmark("DocumentRecord.append (escape text), \(mb(corpus.text.count)) of text") { benchmark in
        var output: [UInt8] = []
        output.reserveCapacity(1 << 20)
        let id = Array("doc-1".utf8)
        let source = Array("bench".utf8)
        let meta = Array("{\"url\":\"https://example.org\"}".utf8)
        for _ in benchmark.scaledIterations {
            var total = 0
            corpus.text.withUnsafeBytes { text in
                id.withUnsafeBytes { id in
                    source.withUnsafeBytes { source in
                        meta.withUnsafeBytes { meta in
                            // 64 KiB slices: documents of a typical size.
                            var start = 0
                            while start < text.count {
                                let end = UTF8Validation.boundary(atOrBefore: min(start + 65_536, text.count), in: text)
                                output.removeAll(keepingCapacity: true)
                                DocumentRecord.append(
                                    id: id, text: .utf8(UnsafeRawBufferPointer(rebasing: text[start..<end])),
                                    source: source, metaJSON: meta, to: &output)
                                total += output.count
                                start = end > start ? end : text.count
                            }
                        }
                    }
                }
            }
            blackHole(total)
        }
    }

    // MARK: UTF-8

    Benchmark("UTF8Validation.firstInvalidOffset, Latin text, \(mb(corpus.latinText.count))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(corpus.latinText.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) })
        }
    }

    Benchmark("UTF8Validation.firstInvalidOffset, CJK text, \(mb(corpus.cjkText.count))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(corpus.cjkText.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0) })
        }
    }

    Benchmark("UTF8Validation.scalarCount, all text, \(mb(corpus.text.count))") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(corpus.text.withUnsafeBytes { UTF8Validation.scalarCount($0) })
        }
    }
}
