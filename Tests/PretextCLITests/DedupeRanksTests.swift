import Foundation
import PretextTestSupport
import Testing

/// `pretext stage dedupe` as four concurrent processes (`--rank/--world-size 4`), rerun until
/// every phase and the merge are done, equals the single-process run.
@Suite(.serialized) struct DedupeRanksTests {
    private func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.root)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func rows(_ dataset: String, _ sql: String) throws -> String {
        let result = try CLI.run(["query", dataset, sql, "--no-header"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func fourProcessesEqualOne() throws {
        let scratch = try TemporaryDirectory()
        let input = scratch.path + "/in"
        let ingest = try CLI.run([
            "stage", "ingest", "--input", "fixtures/corpus", "--output", input, "--set", "text_key=text",
            "--set", "id_key=id", "--quiet",
        ])
        #expect(ingest.status == 0, "fixtures/corpus reads whole: \(ingest.stderr)")
        for method in ["minhash", "exact"] {
            let single = scratch.path + "/single-" + method
            let one = try CLI.run([
                "stage", "dedupe", "--input", input, "--output", single, "--set", "method=\(method)", "--quiet",
            ])
            #expect(one.status == 0, "duplicates dropped by the rules: a success; \(one.stderr)")
            let four = scratch.path + "/four-" + method
            var rounds = 0
            while rounds < 6 {
                rounds += 1
                let processes = try (0..<4).map { rank in
                    try start([
                        "stage", "dedupe", "--input", input, "--output", four, "--set", "method=\(method)", "--rank",
                        "\(rank)", "--world-size", "4", "--quiet",
                    ])
                }
                for process in processes { process.waitUntilExit() }
                if try rows(four, "SELECT count(*) FROM runs WHERE status = 'done'") == "4\n" { break }
            }
            #expect(rounds <= 5, "signatures, buckets, clusters and the filter need at most 5 rounds")
            for sql in [
                "SELECT document, reason, detail FROM drops ORDER BY document",
                "SELECT id, dup_cluster, dup_cluster_size FROM documents ORDER BY id",
            ] {
                let expected = try rows(single, sql)
                #expect(!expected.isEmpty)
                #expect(try rows(four, sql) == expected, "\(method): \(sql)")
            }
            let verify = try CLI.run(["verify", four])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }
}
