import Foundation
import PretextTestSupport
import Testing

/// Issue 17, case 8: `pretext stages` prints each option's limits, docs/cli.md names every
/// `--exec` setting, and `pretext stage ingest` can name a format (`--input-set`).
@Suite struct DocumentedLimitsTests {
    /// The execution settings `pretext stages` lists: the names of the lines after "execution".
    private static func executionLines() throws -> [String] {
        let result = try CLI.run(["stages"])
        #expect(result.status == 0)
        let lines = result.stdout.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("execution") })
        return lines[(start + 1)...].filter { $0.hasPrefix("  ") && !$0.hasPrefix("    ") }
    }

    @Test func stagesPrintsTheLimits() throws {
        let stages = try CLI.run(["stages"]).stdout
        #expect(stages.contains("  max_line_bytes: integer 1024...1073741824 = "), "\(stages)")
        #expect(stages.contains("  min_score: number 0.0...1.0 = 0.5"))
        #expect(stages.contains("  seed: integer >= 0 = "))
        let execution = try Self.executionLines()
        #expect(execution.contains { $0.hasPrefix("  frame_bytes: integer 1024...1073741824 = ") })
        #expect(execution.contains { $0.hasPrefix("  shard_bytes: integer 65536...") })
    }

    @Test func everyExecutionSettingWorksWithExecAndIsInTheDocs() throws {
        let cli = try String(contentsOfFile: CLI.root + "/docs/cli.md", encoding: .utf8)
        let row = try #require(cli.components(separatedBy: "\n").first { $0.hasPrefix("| `pretext stage NAME") })
        let pipelines = try String(contentsOfFile: CLI.root + "/docs/pipelines.md", encoding: .utf8)
        let scratch = try TemporaryDirectory()
        try scratch.write("in/a.jsonl", "{\"text\":\"one\"}\n")
        let values = ["workers": "2", "frame_bytes": "4096", "shard_bytes": "65536", "compression_level": "5"]
        for line in try Self.executionLines() {
            let name = String(line.dropFirst(2).prefix { $0 != ":" })
            #expect(row.contains("`\(name)`"), "docs/cli.md's pretext stage row lacks \(name)")
            #expect(pipelines.contains("| `\(name)` |"), "docs/pipelines.md's execution table lacks \(name)")
            let run = try CLI.run([
                "stage", "ingest", "--input", scratch.path + "/in", "--output", scratch.path + "/o-" + name,
                "--exec", "\(name)=\(values[name] ?? "true")", "--quiet",
            ])
            #expect(run.status == 0, "--exec \(name): \(run.stderr)")
        }
    }

    @Test func aValueBelowALimitNamesIt() throws {
        let scratch = try TemporaryDirectory()
        let pipeline = try scratch.write(
            "p.yaml", "output: o\ninputs: [x]\nexecution:\n  shard_bytes: 4096\nstages:\n  - stage: ingest\n")
        let result = try CLI.run(["run", pipeline])
        #expect(result.status == 64)
        #expect(result.stderr.contains("option 'shard_bytes': 4096 is below the minimum 65536"), "\(result.stderr)")
    }

    @Test func stageIngestNamesAFormatWithInputSet() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write("export.data", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n")
        let arguments = ["stage", "ingest", "--input", file, "--output", scratch.path + "/o", "--quiet"]
        let refused = try CLI.run(arguments)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("--input-set format="), "\(refused.stderr)")
        let read = try CLI.run(arguments + ["--input-set", "format=jsonl", "--input-set", "source=export"])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("2 kept, 0 rejected"), "\(read.stdout)")
        let wrong = try CLI.run(arguments + ["--input-set", "format=parquet"])
        #expect(wrong.status == 64 && wrong.stderr.contains("format"))
    }
}
