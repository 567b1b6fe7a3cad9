// Catalog row writes and reads: what every stage does once per document (issue 10 drove
// inserts and the row cursor from one column table; these measure that it costs nothing).
import Benchmark
import Pretext

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// 20,000 document rows with every typed field and three signals, as a late stage writes them.
let catalogRows: [DocumentRow] = (0..<20_000).map { index in
    DocumentRow(
        id: "doc-\(index)", source: "bench/part-\(index % 8).jsonl", inputLine: index + 1, bytes: 2000 + index % 97,
        chars: 1900, lang: index % 3 == 0 ? "zh" : "en", langScore: 0.97, words: 350, sentences: 20, lines: 12,
        paragraphs: 4, tokens: 500, sentenceBounds: [0, 40, 41, 90], dupCluster: nil,
        signals: [
            Signal("quality_score", .real(0.5)), Signal("lang_script", .text("Latn")),
            Signal("pii_email", .integer(1)),
        ])
}

/// Adds the signal columns and the shard the rows point at.
func prepareBenchCatalog(_ catalog: Catalog) throws {
    for name in ["quality_score", "lang_script", "pii_email"] {
        try catalog.ensureColumn(table: "documents", name: name, type: name == "lang_script" ? "TEXT" : "REAL")
    }
    try catalog.insertShard(
        ShardRow(
            path: "shards/bench.jsonl.zst", kind: .documents, step: 1, stage: "bench", rank: 0,
            records: catalogRows.count,
            frames: 200, bytesRaw: 0, bytesCompressed: 0, checksum: "0"))
}

func catalogBenchmarks() {
    Benchmark(
        "Catalog.insertDocument, \(catalogRows.count) rows with 3 signals, one transaction",
        configuration: .init(timeUnits: .microseconds)
    ) { benchmark in
        let directory = temporaryDirectory()
        defer { rmdir(directory) }
        for _ in benchmark.scaledIterations {
            let path = directory + "/catalog.sqlite"
            let catalog = try Catalog(path: path)
            try prepareBenchCatalog(catalog)
            benchmark.startMeasurement()
            try catalog.transaction {
                for (index, row) in catalogRows.enumerated() {
                    try catalog.insertDocument(
                        row, shardID: 1, location: RecordLocation(frame: index / 100, offset: index % 100, length: 10))
                }
            }
            benchmark.stopMeasurement()
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
        }
    }

    Benchmark(
        "Catalog.documentRows (storage order), \(catalogRows.count) rows with 3 signals",
        configuration: .init(timeUnits: .microseconds)
    ) { benchmark in
        let directory = temporaryDirectory()
        let path = directory + "/catalog.sqlite"
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
            rmdir(directory)
        }
        let catalog = try Catalog(path: path)
        try prepareBenchCatalog(catalog)
        try catalog.transaction {
            for (index, row) in catalogRows.enumerated() {
                try catalog.insertDocument(
                    row, shardID: 1, location: RecordLocation(frame: index / 100, offset: index % 100, length: 10))
            }
        }
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            var rows = try catalog.documentRows(shard: 1)
            var count = 0
            while let item = try rows.next() { count += item.row.signals.count }
            blackHole(count)
        }
        benchmark.stopMeasurement()
    }
}
