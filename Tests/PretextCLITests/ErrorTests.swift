import Foundation
import PretextTestSupport
import Testing

/// Bad flags, bad pipeline files and damaged datasets: clear messages and distinct exit codes.
@Suite struct ErrorTests {
    @Test func badPipelineFileNamesFileAndLine() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write(
            "bad.yaml", "output: o\nstages:\n  - stage: ingest\n    max_document_bytes: huge\n")
        let result = try CLI.run(["run", file])
        #expect(result.status == 64)
        #expect(result.stderr.contains("bad.yaml:4"))
        #expect(result.stderr.contains("max_document_bytes"))
    }

    @Test func anOptionOfAnotherMethodNamesFileLineAndMethod() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write(
            "dedupe.yaml",
            "output: o\ninputs: [x]\nstages:\n  - stage: ingest\n  - stage: dedupe\n    method: exact\n    bands: 20\n")
        let result = try CLI.run(["run", file])
        #expect(result.status == 64)
        #expect(result.stderr.contains("dedupe.yaml:7"), "\(result.stderr)")
        #expect(result.stderr.contains("option 'bands' applies only when method is minhash, not exact"))
        let set = try CLI.run([
            "stage", "dedupe", "--input", scratch.path, "--output", scratch.path + "/o", "--set", "method=lines",
            "--set", "keep=longest",
        ])
        #expect(set.status == 64 && set.stderr.contains("option 'keep' applies only when method is exact or minhash"))
    }

    @Test func unknownStageListsTheKnownOnes() throws {
        let scratch = try TemporaryDirectory()
        let result = try CLI.run(["stage", "sparkle", "--input", "x", "--output", scratch.path + "/o"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown stage 'sparkle'"))
        #expect(result.stderr.contains("ingest"))
    }

    @Test func missingInputIsAClearError() throws {
        let scratch = try TemporaryDirectory()
        let result = try CLI.run([
            "stage", "ingest", "--input", scratch.path + "/nothing-here.jsonl", "--output", scratch.path + "/o",
        ])
        #expect(result.status != 0 && result.status != 3)
        #expect(result.stderr.contains("nothing-here.jsonl"))
    }

    @Test func rankWithoutWorldSizeIsAUsageError() throws {
        let result = try CLI.run(["run", "pipelines/quickstart.yaml", "--rank", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--world-size"))
    }

    @Test func cleanRunExitsZero() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n")
        let result = try CLI.run([
            "stage", "ingest", "--input", scratch.path + "/in", "--output", scratch.path + "/o", "--quiet",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("2 kept, 0 rejected"))
    }

    @Test func verifyNamesTheCorruptedShardAndFrame() throws {
        let scratch = try TemporaryDirectory()
        var text = ""
        for index in 0..<400 {
            text += "{\"id\":\"d\(index)\",\"text\":\"document number \(index) with some words\"}\n"
        }
        try scratch.write("in/a.jsonl", text)
        let dataset = scratch.path + "/o"
        let ingest = try CLI.run([
            "stage", "ingest", "--input", scratch.path + "/in", "--output", dataset, "--exec", "frame_bytes=2048",
            "--quiet",
        ])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(try CLI.run(["verify", dataset]).status == 0)

        let shard = try #require(try FileManager.default.contentsOfDirectory(atPath: dataset + "/shards").first)
        let path = dataset + "/shards/" + shard
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 3] ^= 0x5A
        try bytes.write(to: URL(fileURLWithPath: path))

        let verify = try CLI.run(["verify", dataset])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains(shard))
        #expect(verify.stdout.contains("frame"))
        let cat = try CLI.run(["cat", dataset])
        #expect(cat.status == 1)
        #expect(cat.stderr.contains(shard))
    }

    /// docs/cli.md's exit codes, one failure class each (issue 12, case 10; issue 15): 0 clean
    /// or with drops by a stage's rules and ingest's limits, 3 when some input could not be
    /// read, 1 for I/O errors, damaged datasets and verify's findings, 64 for usage errors.
    @Test func everyFailureClassHasItsDocumentedExitCode() throws {
        let scratch = try TemporaryDirectory()
        try scratch.write("clean/a.jsonl", "{\"text\":\"one\"}\n")
        try scratch.write("mixed/a.jsonl", "{\"text\":\"one\"}\nnot json\n")
        try scratch.write(
            "limits/a.jsonl",
            "{\"text\":\"one\"}\n{\"text\":\"  \"}\n{\"text\":\"\(String(repeating: "x", count: 99))\"}\n")
        try scratch.write("copies/a.jsonl", "{\"text\":\"the same words\"}\n{\"text\":\"the same words\"}\n")
        try scratch.write("not-a-folder", "x")
        try FileManager.default.createDirectory(atPath: scratch.file("empty"), withIntermediateDirectories: true)
        let dataset = scratch.file("mixed-out")
        let pipeline = try scratch.write(
            "p.yaml",
            "output: \(scratch.path)/p\ninputs: [\(scratch.file("mixed"))]\nstages:\n  - stage: ingest\n  - stage: dedupe\n"
        )
        let cases: [(String, [String], Int32)] = [
            (
                "clean run",
                ["stage", "ingest", "--input", scratch.file("clean"), "--output", scratch.file("c"), "--quiet"], 0
            ),
            (
                "unreadable input",
                ["stage", "ingest", "--input", scratch.file("mixed"), "--output", dataset, "--quiet"], 3
            ),
            (
                "ingest's limits",
                [
                    "stage", "ingest", "--input", scratch.file("limits"), "--output", scratch.file("l"), "--set",
                    "max_document_bytes=64", "--quiet",
                ], 0
            ),
            ("copies", ["stage", "ingest", "--input", scratch.file("copies"), "--output", scratch.file("d1")], 0),
            (
                "duplicates dropped",
                ["stage", "dedupe", "--input", scratch.file("d1"), "--output", scratch.file("d2"), "--quiet"], 0
            ),
            ("a pipeline reading unreadable input", ["run", pipeline, "--quiet"], 3),
            ("verify clean", ["verify", dataset], 0),
            (
                "I/O error",
                ["stage", "ingest", "--input", scratch.file("clean"), "--output", scratch.file("not-a-folder/o")],
                1
            ),
            ("damaged dataset", ["cat", scratch.file("empty")], 1),
            ("unknown flag", ["cat", dataset, "--sparkle"], 64),
            ("refused SQL", ["query", dataset, "DELETE FROM documents"], 64),
        ]
        for (name, arguments, status) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == status, "\(name): \(result.status) \(result.stderr)")
        }
        let drops = try CLI.run(["query", scratch.file("l"), "SELECT reason FROM drops ORDER BY reason", "--no-header"])
        #expect(drops.stdout == "empty_text\ntoo_large\n", "both limits dropped a document")
        let rerun = try CLI.run(["run", pipeline, "--quiet"])
        #expect(
            rerun.status == 3 && rerun.stderr.contains("1 input record or file could not be read"), "\(rerun.stderr)")
        try FileManager.default.removeItem(atPath: dataset + "/rejects")
        let verify = try CLI.run(["verify", dataset])
        #expect(verify.status == 1 && verify.stdout.contains("[missing_shard]"), "verify's findings: \(verify.stdout)")
    }
}
