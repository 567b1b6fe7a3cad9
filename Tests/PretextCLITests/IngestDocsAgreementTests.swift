import Foundation
import PretextTestSupport
import Testing

/// Issue 17, "documented, but not so", cases 1–5: what docs/stages/ingest.md,
/// docs/pipelines.md and docs/formats.md say about ingest options, pipeline checks, hidden
/// files and reject records is what `pretext` does.
@Suite struct IngestDocsAgreementTests {
    /// The rows of `SQL` on the catalog of `dataset`, tab-separated, without the header.
    private func query(_ dataset: String, _ sql: String) throws -> [String] {
        let result = try CLI.run(["query", dataset, sql, "--no-header"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// Case 1: `max_warc_record_bytes` and `max_json_depth` are listed and can be set.
    @Test func theDocumentedIngestOptionsAreListedAndSettable() throws {
        let stages = try CLI.run(["stages"])
        #expect(stages.stdout.contains("max_warc_record_bytes") && stages.stdout.contains("max_json_depth"))
        let scratch = try TemporaryDirectory()
        let input = try scratch.write(
            "in/a.jsonl",
            #"{"id":"flat","text":"one","m":{}}"# + "\n" + #"{"id":"deep","text":"two","m":{"n":{}}}"# + "\n")
        let output = scratch.file("o")
        let result = try CLI.run([
            "stage", "ingest", "--input", input, "--output", output, "--quiet", "--set", "max_json_depth=2",
            "--set", "max_warc_record_bytes=4096",
        ])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(try query(output, "SELECT id FROM documents") == ["flat"])
        #expect(try query(output, "SELECT reason, input_line FROM drops") == ["malformed_json\t2"])
        let tooDeep = try CLI.run([
            "stage", "ingest", "--input", input, "--output", scratch.file("o2"), "--set", "max_json_depth=0",
        ])
        #expect(tooDeep.status == 64 && tooDeep.stderr.contains("max_json_depth"), "\(tooDeep.stderr)")
    }

    /// Case 2: `ingest` after another step fails the check at its line; nothing runs.
    @Test func ingestAfterAnotherStepIsRefusedBeforeAnythingRuns() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.jsonl", #"{"text":"one"}"# + "\n")
        let dataset = scratch.file("ingested")
        let ingest = try CLI.run(["stage", "ingest", "--input", scratch.file("in"), "--output", dataset, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let output = scratch.file("out")
        let file = try scratch.write(
            "p.yaml",
            "output: \(output)\ninputs: [\(dataset)]\nstages:\n  - stage: normalize\n  - stage: ingest\n")
        let result = try CLI.run(["run", file])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("p.yaml:5: step 2 (ingest) reads raw files; it must be the first step"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// Case 2: a missing input names the pipeline file and the input's line; nothing is written.
    @Test(arguments: ["missing.jsonl", "nothing-*.jsonl"])
    func aMissingInputNamesThePipelineFileAndLine(_ missing: String) throws {
        let scratch = try TemporaryDirectory()
        let present = try scratch.write("in/a.jsonl", #"{"text":"one"}"# + "\n")
        let output = scratch.file("out")
        let file = try scratch.write(
            "p.yaml",
            "output: \(output)\ninputs:\n  - \(present)\n  - path: \(scratch.file(missing))\n"
                + "stages:\n  - stage: ingest\n")
        let result = try CLI.run(["run", file])
        #expect(result.status != 0 && result.status != 3)
        #expect(result.stderr.contains("p.yaml:4: input '\(scratch.file(missing))'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// Case 3: hidden files and directories are skipped silently; unknown extensions are drops.
    @Test func hiddenEntriesAreSkippedWithoutADrop() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.jsonl", #"{"id":"a","text":"one"}"# + "\n")
        try scratch.write("in/.hidden.txt", "not data")
        try scratch.write("in/.git/config", "[core]")
        let unknown = try scratch.write("in/notes.xyz", "unknown")
        let output = scratch.file("o")
        let result = try CLI.run(["stage", "ingest", "--input", scratch.file("in"), "--output", output, "--quiet"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(try query(output, "SELECT id FROM documents") == ["a"])
        #expect(try query(output, "SELECT reason, input FROM drops") == ["unsupported_format\t\(unknown)"])
    }

    /// Case 4: a truncated or corrupt stream is a file-level `drops` row (compressed offset, no
    /// line), with no record in `rejects/`; the records before the damage are kept.
    @Test func damagedStreamsAreFileLevelDropsWithoutRecords() throws {
        let scratch = try TemporaryDirectory()
        let output = scratch.file("o")
        let result = try CLI.run([
            "stage", "ingest", "--input", "fixtures/broken/truncated.jsonl.zst", "--input",
            "fixtures/broken/garbage-middle.jsonl.gz", "--output", output, "--quiet",
        ])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(try query(output, "SELECT count(*) FROM documents") == ["13"])
        let drops = try query(
            output,
            "SELECT reason, input_offset, coalesce(input_line, 'NULL'), coalesce(reject_shard_id, 'NULL') "
                + "FROM drops ORDER BY reason")
        #expect(drops == ["corrupt_input\t657\tNULL\tNULL", "truncated_input\t1443\tNULL\tNULL"])
        #expect(try query(output, "SELECT count(*) FROM shards WHERE kind = 'rejects'") == ["0"])
    }

    /// Case 5: a later stage's reject holds the whole document record, uncut, as a JSON string
    /// in `raw` (docs/formats.md, "Rejects of later stages").
    @Test func laterStagesRejectTheWholeDocumentRecord() throws {
        let scratch = try TemporaryDirectory()
        let text = String(repeating: "word \"quoted\" ", count: 900)
        let line = try JSONSerialization.data(withJSONObject: ["id": "long", "text": text])
        try scratch.write("in/a.jsonl", String(decoding: line, as: UTF8.self) + "\n")
        let ingested = scratch.file("ingested")
        #expect(try CLI.run(["stage", "ingest", "--input", scratch.file("in"), "--output", ingested]).status == 0)
        let record = try CLI.run(["cat", ingested]).stdout
        let output = scratch.file("q")
        let quality = try CLI.run([
            "stage", "quality", "--input", ingested, "--output", output, "--quiet", "--set", "reject_raw_bytes=16",
        ])
        #expect(quality.status == 64, "reject_raw_bytes is an ingest option: \(quality.stderr)")
        let run = try CLI.run(["stage", "quality", "--input", ingested, "--output", output, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        let rejects = try CLI.run(["cat", output, "--rejects"]).stdout
        let reject = try #require(
            try JSONSerialization.jsonObject(with: Data(rejects.utf8)) as? [String: Any])
        #expect(reject["stage"] as? String == "quality")
        #expect(reject["line"] is NSNull)
        let raw = try #require(reject["raw"] as? String)
        #expect(raw + "\n" == record, "the record line without its newline")
        #expect(reject["raw_bytes"] as? Int == raw.utf8.count)
        #expect(raw.utf8.count > 4096)
    }
}
