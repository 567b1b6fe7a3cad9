import Foundation
import PretextTestSupport
import Testing

/// Atomicity at the process level: `pretext run` killed with SIGKILL at several moments,
/// then run again, gives exactly the dataset of an uninterrupted run.
@Suite struct KillTests {
    /// Four JSONL files of about 6 MB each, seeded, so both tasks have work for a while.
    private func writeInputs(_ scratch: TemporaryDirectory) throws {
        var state: UInt64 = 42
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407  // LCG step; wrapping by design
            return state >> 33
        }
        for file in 0..<4 {
            var text = ""
            text.reserveCapacity(7 << 20)
            for line in 0..<12_000 {
                let words = (0..<(40 + Int(next() % 80))).map { _ in "w\(next() % 3000)" }.joined(separator: " ")
                text += "{\"id\":\"f\(file)-\(line)\",\"text\":\"\(words)\"}\n"
            }
            try scratch.write("in/part-\(file).jsonl", text)
        }
    }

    private func pipeline(_ scratch: TemporaryDirectory, output: String) throws -> String {
        try scratch.write(
            "\(output).yaml",
            """
            output: \(scratch.path)/\(output)
            inputs: [{path: \(scratch.path)/in, source: generated}]
            execution: {workers: 2, frame_bytes: 65536, shard_bytes: 1MiB}
            stages:
              - stage: ingest
            """)
    }

    private func fingerprint(_ dataset: String) throws -> [String] {
        try [
            "SELECT path, checksum, records, frames FROM shards ORDER BY path",
            "SELECT d.id, s.path, d.frame, d.offset, d.length, d.chars FROM documents d JOIN shards s ON s.id = d.shard_id ORDER BY d.id",
            "SELECT rank, status, docs_in, docs_out, docs_rejected FROM runs ORDER BY rank",
        ].map { try CLI.run(["query", dataset, $0]).stdout }
    }

    @Test func killedRunsResumeToTheSameDataset() throws {
        let scratch = try TemporaryDirectory()
        try writeInputs(scratch)
        let reference = try CLI.run(["run", try pipeline(scratch, output: "reference"), "--quiet"])
        #expect(reference.status == 0, "\(reference.stderr)")

        let killed = try pipeline(scratch, output: "killed")
        let interrupted = try CLI.killRepeatedly(["run", killed, "--quiet"], after: [0.02, 0.1, 0.25, 0.4, 0.6])
        #expect(interrupted > 0, "no run was interrupted; the input is too small for this machine")
        let final = try CLI.run(["run", killed, "--quiet"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(
            try fingerprint(scratch.path + "/killed/01-ingest")
                == (try fingerprint(scratch.path + "/reference/01-ingest")))
        let verify = try CLI.run(["verify", scratch.path + "/killed/01-ingest"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
