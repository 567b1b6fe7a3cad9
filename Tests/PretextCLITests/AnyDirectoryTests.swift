import Foundation
import PretextTestSupport
import Testing

/// Issue 15: `pretext` works from any directory (its lexicons ship with it), installs with
/// `scripts/install`, and takes lists on the command line in YAML's form.
@Suite struct AnyDirectoryTests {
    private static let texts = [
        ("en", "The harbour master said that the boats would stay in port until the storm had passed."),
        ("de", "Der Hafenmeister sagte, dass die Boote im Hafen bleiben, bis der Sturm vorüber ist."),
        ("zh", "港务长说，在暴风雨过去之前，所有的船都会留在港口里，不会出海。"),
        ("she", "She told the council that her sister and her mother would open the new bakery together."),
    ]

    /// A dataset of `texts`, ingested by the CLI into `scratch/NAME`.
    private func dataset(_ scratch: TemporaryDirectory, name: String = "in") throws -> String {
        let lines = try Self.texts.map { id, text in
            String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self)
        }
        try scratch.write("raw/a.jsonl", lines.joined(separator: "\n") + "\n")
        let ingest = try CLI.run(["stage", "ingest", "--input", scratch.file("raw"), "--output", scratch.file(name)])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return scratch.file(name)
    }

    /// Runs `executable ARGUMENTS` in `directory` with `environment` added; returns status,
    /// standard output and standard error.
    private func run(
        _ executable: String, _ arguments: [String], in directory: String, environment: [String: String] = [:]
    ) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    @Test func theLanguageListTakesYAMLsFormAndRefusesUnknownCodes() throws {
        let scratch = try TemporaryDirectory()
        let input = try dataset(scratch)
        let kept = try CLI.run([
            "stage", "language", "--input", input, "--output", scratch.file("en"), "--set", "languages=[en]", "--quiet",
        ])
        #expect(kept.status == 0, "dropping by the language list is a success: \(kept.stderr)")
        let ids = try CLI.run(["query", scratch.file("en"), "SELECT id FROM documents ORDER BY id", "--no-header"])
        #expect(ids.stdout == "en\nshe\n")
        let drops = try CLI.run(["query", scratch.file("en"), "SELECT DISTINCT reason FROM drops", "--no-header"])
        #expect(drops.stdout == "language_not_allowed\n")

        let unknown = try CLI.run([
            "stage", "language", "--input", input, "--output", scratch.file("x"), "--set", "languages=[en, english]",
        ])
        #expect(unknown.status == 64, "\(unknown.stderr)")
        #expect(
            unknown.stderr.contains("option 'languages': 'english' is not a language code CLD2 can detect; valid: aa,"))
        #expect(unknown.stderr.contains(" ja, ") && unknown.stderr.contains(" zh, zh-Hant"))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("x/catalog.sqlite")), "nothing ran")
    }

    @Test func theAuditRunsOutsideTheRepositoryWithTheShippedLexicons() throws {
        let scratch = try TemporaryDirectory()
        let input = try dataset(scratch)
        let elsewhere = try scratch.directory("elsewhere")
        let audit = try run(CLI.binary, ["audit", input], in: elsewhere)
        #expect(audit.status == 0, "\(audit.stderr)")
        #expect(
            audit.stdout.contains("audit: 4 documents") && audit.stdout.contains("gender: female"), "\(audit.stdout)")
        #expect(FileManager.default.fileExists(atPath: input + "/reports/audit.html"))
        let missing = try run(CLI.binary, ["audit", input, "--lexicons", "lexicons"], in: elsewhere)
        #expect(missing.status != 0 && missing.stderr.contains("lexicons"), "an explicit folder is relative to cwd")
    }

    /// `scripts/install` into a temporary prefix (the debug build, through `PRETEXT_BIN`, so
    /// the test needs no release build), then a pipeline from ingest to audit run by the
    /// installed `pretext` in a directory holding nothing of the repository.
    @Test func theInstalledPretextRunsAPipelineFromAnotherDirectory() throws {
        let scratch = try TemporaryDirectory()
        let prefix = scratch.file("prefix")
        let install = try run(
            "/bin/bash", [CLI.root + "/scripts/install", prefix], in: scratch.path,
            environment: ["PRETEXT_BIN": CLI.binary])
        #expect(install.status == 0, "\(install.stdout)\(install.stderr)")
        let installed = prefix + "/bin/pretext"
        for language in try FileManager.default.contentsOfDirectory(atPath: CLI.root + "/lexicons") {
            #expect(
                FileManager.default.fileExists(atPath: prefix + "/share/pretext/lexicons/" + language), "\(language)")
        }

        let work = try scratch.directory("work")
        try scratch.write(
            "work/p.yaml",
            """
            output: out
            inputs: [\(CLI.root)/fixtures/corpus/jsonl]
            execution: {workers: 2}
            stages:
              - stage: ingest
              - stage: normalize
              - stage: language
              - stage: quality
                rules: [gopher_min_doc_words=30, c4_min_num_sentences=3]
              - stage: dedupe
              - stage: audit
            """)
        let pipeline = try run(installed, ["run", "p.yaml", "--quiet"], in: work)
        #expect(pipeline.status == 0, "no input is damaged, drops by rules are a success: \(pipeline.stderr)")
        #expect(pipeline.stdout.contains("step 6 (audit)") && pipeline.stdout.contains("open in a browser:"))
        #expect(FileManager.default.fileExists(atPath: work + "/out/06-audit/reports/audit.html"))
        let verify = try run(installed, ["verify", "out/06-audit"], in: work)
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
