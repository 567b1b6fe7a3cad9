import Foundation
import PretextTestSupport
import Testing

/// Atomicity of a multi-phase stage: a pipeline with a MinHash dedupe step, killed with
/// SIGKILL at several moments (in any phase, or during the merge), then run again, gives the
/// dataset of an uninterrupted run.
@Suite struct DedupeKillTests {
    /// Four JSONL files of 4,000 documents; every eighth is an earlier one with two words changed.
    private func writeInputs(_ scratch: TemporaryDirectory) throws {
        var state: UInt64 = 7
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407  // LCG step; wrapping by design
            return state >> 33
        }
        var earlier: [[String]] = []
        for file in 0..<4 {
            var text = ""
            for line in 0..<4000 {
                var words = (0..<60).map { _ in "w\(next() % 5000)" }
                if line % 8 == 7, let source = earlier.last {
                    words = source
                    words[Int(next() % 60)] = "changed"
                    words[Int(next() % 60)] = "edited"
                }
                if line % 8 == 3 { earlier.append(words) }
                text += "{\"id\":\"f\(file)-\(line)\",\"text\":\"\(words.joined(separator: " "))\"}\n"
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
            execution: {workers: 2, frame_bytes: 65536, shard_bytes: 512KiB}
            stages:
              - stage: ingest
              - stage: dedupe
                method: minhash
                memory_mb: 1
            """)
    }

    private func fingerprint(_ dataset: String) throws -> [String] {
        try [
            // Reject records name their input shard by path, which differs between the two runs'
            // directories (and so do how many fit in a reject shard): compare document shards
            // byte for byte, rejects by their drops below.
            "SELECT path, checksum, records FROM shards WHERE kind = 'documents' ORDER BY path",
            "SELECT id, dup_cluster, dup_cluster_size FROM documents ORDER BY id",
            "SELECT document, reason, detail FROM drops ORDER BY document",
            "SELECT rank, status, docs_in, docs_out, docs_rejected FROM runs ORDER BY rank",
        ].map { try CLI.run(["query", dataset, $0]).stdout }
    }

    @Test func killedDedupeResumesToTheSameDataset() throws {
        let scratch = try TemporaryDirectory()
        try writeInputs(scratch)
        let reference = try CLI.run(["run", try pipeline(scratch, output: "reference"), "--quiet"])
        #expect(reference.status == 0, "dedupe drops are a success: \(reference.stderr)")
        let expected = try fingerprint(scratch.path + "/reference/02-dedupe")
        #expect(expected[2].split(separator: "\n").count > 400, "near copies were removed")

        let killed = try pipeline(scratch, output: "killed")
        let interrupted = try CLI.killRepeatedly(["run", killed, "--quiet"], after: [0.3, 0.8, 1.5, 2.5, 4.0])
        #expect(interrupted > 0, "no run was interrupted; the input is too small for this machine")
        let final = try CLI.run(["run", killed, "--quiet"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try fingerprint(scratch.path + "/killed/02-dedupe") == expected)
        let verify = try CLI.run(["verify", scratch.path + "/killed/02-dedupe"])
        #expect(verify.status == 0, "\(verify.stdout)")
    }
}
