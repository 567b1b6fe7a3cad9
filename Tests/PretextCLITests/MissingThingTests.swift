import Foundation
import PretextTestSupport
import Testing

/// Issue 17, case 7: a thing named on the command line that does not exist exits 64 (usage
/// error, docs/cli.md's exit-code table) whichever command names it; a step written with
/// another configuration names `--overwrite`.
@Suite struct MissingThingTests {
    /// A small ingested dataset in `scratch/o`.
    private static func dataset(in scratch: TemporaryDirectory) throws -> String {
        try scratch.write("in/a.jsonl", "{\"text\":\"one\"}\n{\"text\":\"two\"}\n")
        let dataset = scratch.path + "/o"
        let ingest = try CLI.run(["stage", "ingest", "--input", scratch.path + "/in", "--output", dataset, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return dataset
    }

    @Test func everyMissingThingExits64NamingIt() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try Self.dataset(in: scratch)
        let missing = scratch.path + "/missing"
        let commands: [[String]] = [
            ["run", missing + ".yaml"],
            ["merge", missing + ".yaml", "--step", "1"],
            ["inspect", missing],
            ["verify", missing],
            ["cat", missing],
            ["query", missing, "SELECT 1"],
            ["audit", dataset, "--lexicons", missing],
            ["audit", missing],
            ["stage", "ingest", "--input", missing + ".jsonl", "--output", scratch.path + "/o2"],
            ["stage", "ingest", "--input", missing + "/*.jsonl", "--output", scratch.path + "/o3"],
            ["stage", "normalize", "--input", missing, "--output", scratch.path + "/o4"],
        ]
        for arguments in commands {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(missing), "\(arguments): \(result.stderr)")
        }
    }

    @Test func anotherConfigurationNamesOverwrite() throws {
        let scratch = try TemporaryDirectory()
        let dataset = try Self.dataset(in: scratch)
        let again = ["stage", "ingest", "--input", scratch.path + "/in", "--output", dataset, "--quiet"]
        let refused = try CLI.run(again + ["--exec", "frame_bytes=4096"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("write to a fresh output directory, or run again with --overwrite"))
        let replaced = try CLI.run(again + ["--exec", "frame_bytes=4096", "--overwrite"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
    }
}
