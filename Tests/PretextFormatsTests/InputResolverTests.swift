import PretextCore
import PretextTestSupport
import Testing

@testable import PretextFormats

@Suite struct InputResolverTests {
    @Test(arguments: [
        ("a.jsonl", InputFormat.jsonl), ("a.ndjson.gz", .jsonl), ("a.json.zst", .jsonl), ("a.JSONL.ZSTD", .jsonl),
        ("n.txt", .text), ("n.md.gz", .text), ("c.warc", .warc), ("c.warc.gz", .warc), ("c.wet", .wet),
        ("c.warc.wet.gz", .wet), ("c.wet.gz", .wet),
    ])
    func decidesFormatsByExtension(name: String, format: InputFormat) {
        #expect(InputFormat.fromFileName(name) == format)
    }

    @Test(arguments: ["a.csv", "noext", "a.gz", "a.parquet"])
    func unknownExtensions(name: String) {
        #expect(InputFormat.fromFileName(name) == nil)
    }

    @Test func walksDirectoriesRecursivelyAndSortsAndReportsSkipped() throws {
        let dir = try TemporaryDirectory()
        try dir.write("data/b.jsonl", "{}")
        try dir.write("data/a.jsonl.zst", "x")
        try dir.write("data/sub/c.txt", "t")
        try dir.write("data/sub/readme.pdf", "p")
        try dir.write("data/.hidden.jsonl", "h")
        let resolution = try InputResolver().resolve([dir.path + "/data"])
        #expect(
            resolution.files.map(\.path) == ["a.jsonl.zst", "b.jsonl", "sub/c.txt"].map { dir.path + "/data/" + $0 })
        #expect(resolution.files.map(\.format) == [.jsonl, .jsonl, .text])
        #expect(resolution.files.map(\.compression) == [.zstd, .none, .none])
        #expect(resolution.files[1].size == 2)
        #expect(resolution.skipped.map(\.reason) == ["hidden", "unknown extension"])
    }

    @Test func expandsGlobsIncludingDoubleStar() throws {
        let dir = try TemporaryDirectory()
        try dir.write("x/1.jsonl", "")
        try dir.write("x/2.jsonl", "")
        try dir.write("x/deep/er/3.jsonl", "")
        try dir.write("x/4.txt", "")
        let flat = try InputResolver().resolve([dir.path + "/x/*.jsonl"])
        #expect(flat.files.map(\.path) == [dir.path + "/x/1.jsonl", dir.path + "/x/2.jsonl"])
        let deep = try InputResolver().resolve([dir.path + "/x/**/*.jsonl", dir.path + "/x/1.jsonl"])
        #expect(deep.files.map(\.path) == ["1.jsonl", "2.jsonl", "deep/er/3.jsonl"].map { dir.path + "/x/" + $0 })
    }

    @Test func explicitFormatOverridesExtensions() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in/data.log", "")
        let resolution = try InputResolver(format: .text).resolve([dir.path + "/in"])
        #expect(resolution.files.map(\.format) == [.text])
    }

    @Test func missingPathsAndEmptyGlobsAreErrorsNamingThem() throws {
        let dir = try TemporaryDirectory()
        let missing = dir.path + "/nope.jsonl"
        do {
            _ = try InputResolver().resolve([missing])
            Issue.record("resolved a missing path")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.path == missing)
        }
        do {
            _ = try InputResolver().resolve([dir.path + "/*.jsonl"])
            Issue.record("resolved an empty glob")
        } catch {
            #expect(error.code == .notFound)
            #expect(error.description.contains("*.jsonl"))
        }
        try dir.write("odd.bin", "")
        #expect(throws: PretextError.self) { try InputResolver().resolve([dir.path + "/odd.bin"]) }
    }
}
