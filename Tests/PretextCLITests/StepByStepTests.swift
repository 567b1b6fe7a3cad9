import Foundation
import PretextTestSupport
import Testing

/// One step, one phase and one rank at a time (`pretext run --step K [--phase P] --rank R
/// --world-size N --no-merge`, then `pretext merge --step K`), as the jobs of a cluster run
/// them, and the errors of steps and phases run out of order.
@Suite(.serialized) struct StepByStepTests {
    /// ingest → quality → dedupe (exact) → dedupe (minhash) → audit (history) over the fixtures,
    /// into `output`; three tasks.
    private func pipeline(in scratch: TemporaryDirectory, output: String, name: String = "steps.yaml") throws -> String
    {
        try scratch.write(
            name,
            """
            name: steps
            output: \(scratch.path)/\(output)
            inputs: [\(CLI.root)/fixtures/corpus]
            execution: {workers: 3, frame_bytes: 4096}
            stages:
              - stage: ingest
                text_key: text
                id_key: id
              - stage: quality
                rules: [gopher_min_doc_words=30, c4_min_num_sentences=3]
              - stage: dedupe
                method: exact
              - stage: dedupe
                method: minhash
              - stage: audit

            """)
    }

    /// The phases of each step of `pipeline(in:output:)`, as `pretext slurm` plans them.
    private let phases: [Int: [String]] = [
        3: ["signatures", "buckets", "clusters"], 4: ["signatures", "buckets", "clusters"], 5: ["history"],
    ]

    private func run(_ arguments: [String]) throws -> CLI.Result {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "pretext \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    private func rows(_ dataset: String, _ sql: String) throws -> String {
        try run(["query", dataset, sql, "--no-header"]).stdout
    }

    /// Runs step `step` of `pipeline` as a cluster would: each phase on every rank, then the
    /// final pass on every rank without merging, then the merge.
    private func runStepByStep(_ pipeline: String, step: Int, worldSize: Int) throws {
        let task = ["run", pipeline, "--step", "\(step)", "--world-size", "\(worldSize)", "--quiet"]
        for phase in phases[step] ?? [] {
            for rank in 0..<worldSize {
                let result = try run(task + ["--rank", "\(rank)", "--phase", phase])
                #expect(result.stdout.contains("step \(step) (") && result.stdout.contains("phase \(phase): ran rank"))
            }
        }
        for rank in 0..<worldSize {
            let result = try run(task + ["--rank", "\(rank)", "--no-merge"])
            #expect(result.stdout.contains("not merged (--no-merge)"), "\(result.stdout)")
            #expect(result.stdout.contains("rank \(rank) finished; merge with `pretext merge"))
        }
        let merge = try run(["merge", pipeline, "--step", "\(step)", "--world-size", "\(worldSize)"])
        #expect(merge.stdout.contains("merged ranks 0,1,2"), "\(merge.stdout)")
    }

    @Test func stepByStepRankByRankThenMergeEqualsOneRun() throws {
        let scratch = try TemporaryDirectory()
        let whole = try pipeline(in: scratch, output: "whole", name: "whole.yaml")
        #expect(try run(["run", whole, "--workers", "3", "--quiet"]).stdout.contains("step 5 (audit)"))
        let split = try pipeline(in: scratch, output: "split")
        for step in 1...5 { try runStepByStep(split, step: step, worldSize: 3) }

        let datasets = ["01-ingest", "02-quality", "03-dedupe", "04-dedupe", "05-audit"]
        for dataset in datasets {
            for sql in [
                "SELECT id, source, chars FROM documents ORDER BY id",
                "SELECT document, stage, reason, detail FROM drops ORDER BY document, stage, reason",
                "SELECT step, stage, rank, world_size, status, docs_in, docs_out, docs_rejected FROM runs "
                    + "ORDER BY step, rank",
            ] {
                let expected = try rows(scratch.path + "/whole/" + dataset, sql)
                #expect(try rows(scratch.path + "/split/" + dataset, sql) == expected, "\(dataset): \(sql)")
            }
            #expect(try run(["verify", scratch.path + "/split/" + dataset]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: scratch.path + "/split/\(dataset)/work"))
        }
        for dataset in ["03-dedupe", "04-dedupe"] {
            let sql = "SELECT id, dup_cluster, dup_cluster_size FROM documents ORDER BY id"
            let expected = try rows(scratch.path + "/whole/" + dataset, sql)
            #expect(expected.contains("\t2\n"), "\(dataset) found clusters of duplicates")
            #expect(try rows(scratch.path + "/split/" + dataset, sql) == expected, "\(dataset)")
        }
        let groups = "SELECT id, audit_mentions, audit_groups, audit_offensive FROM documents ORDER BY id"
        #expect(try rows(scratch.path + "/split/05-audit", groups) == rows(scratch.path + "/whole/05-audit", groups))
        let report = "/05-audit/reports/audit.json"
        let audit = try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/whole" + report))
        #expect(try Data(contentsOf: URL(fileURLWithPath: scratch.path + "/split" + report)) == audit)

        let again = try run(["merge", split, "--step", "5", "--world-size", "3"])
        #expect(again.stdout.contains("step 5 (audit): already merged"), "\(again.stdout)")
        let rerun = try run(["run", split, "--step", "3", "--phase", "buckets", "--rank", "1", "--world-size", "3"])
        #expect(rerun.stdout.contains("phase buckets: already done, skipped"), "\(rerun.stdout)")
    }

    @Test func aStepNeedsTheStepsBeforeItComplete() throws {
        let scratch = try TemporaryDirectory()
        let file = try pipeline(in: scratch, output: "out")
        let early = try CLI.run(["run", file, "--step", "2", "--rank", "0", "--world-size", "3"])
        #expect(early.status == 64)
        #expect(early.stderr.contains("step 1 (ingest) is not complete: ranks 0, 1, 2 of 3 have not finished"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out/02-quality"), "nothing written")
        for rank in 0..<3 {
            _ = try run(["run", file, "--step", "1", "--rank", "\(rank)", "--world-size", "3", "--no-merge", "--quiet"])
        }
        let unmerged = try CLI.run(["run", file, "--step", "2", "--workers", "3"])
        #expect(unmerged.status == 64)
        #expect(
            unmerged.stderr.contains("step 1 (ingest) is not complete: its tasks have finished, but it is not merged"))
        let train = try CLI.run(["run", file, "--step", "train", "--workers", "3"])
        #expect(train.status == 64 && train.stderr.contains("the pipeline has no train: section"), "\(train.stderr)")
        let withTraining = try scratch.write(
            "train.yaml", try String(contentsOfFile: file, encoding: .utf8) + "train:\n  steps: 3\n")
        let trainEarly = try CLI.run(["run", withTraining, "--step", "train", "--workers", "3"])
        #expect(trainEarly.status == 64, "\(trainEarly.stderr)")
        #expect(trainEarly.stderr.contains("step 1 (ingest) is not complete"), "every step before the training")
        let outOfRange = try CLI.run(["run", file, "--step", "9"])
        #expect(outOfRange.status == 64 && outOfRange.stderr.contains("5 (audit)"), "\(outOfRange.stderr)")
        let phaseAlone = try CLI.run(["run", file, "--phase", "buckets"])
        #expect(phaseAlone.status == 64 && phaseAlone.stderr.contains("--phase needs --step"))
    }

    @Test func stepTrainTrainsOnTheLastStepOnceEveryStepIsComplete() throws {
        let scratch = try TemporaryDirectory()
        let file = try scratch.write(
            "train.yaml",
            """
            output: \(scratch.path)/out
            inputs: [\(CLI.root)/fixtures/corpus/jsonl]
            execution: {workers: 2}
            stages:
              - stage: ingest
              - stage: tokenizer
                model: bpe
                vocab_size: 300
              - stage: tokenize
              - stage: causal_lm
                block_size: 32
            train: {layers: 1, hidden: 32, heads: 2, steps: 2, batch_size: 2, eval_every: 2}

            """)
        let step = ["run", file, "--workers", "2", "--quiet", "--step"]
        _ = try run(step + ["1"])
        for phase in ["words", "train"] {
            #expect(try run(step + ["2", "--phase", phase]).stdout.contains("phase \(phase): ran ranks 0,1"))
        }
        let tokenizer = try run(step + ["2"])
        #expect(tokenizer.stdout.contains("tokenizer: bpe, 300 tokens"), "\(tokenizer.stdout)")
        _ = try run(step + ["3"])
        let early = try CLI.run(step + ["train"])
        #expect(early.status == 64 && early.stderr.contains("step 4 (causal_lm) is not complete"), "\(early.stderr)")
        let examples = try run(step + ["4"])
        #expect(!examples.stdout.contains("train:"), "--step 4 runs the step alone, without the training")
        let train = try run(step + ["train"])
        #expect(train.stdout.contains("train: 2 steps"), "\(train.stdout)")
        #expect(FileManager.default.fileExists(atPath: scratch.path + "/out/train/model.safetensors"))
    }

    @Test func phasesRunInOrderAndByName() throws {
        let scratch = try TemporaryDirectory()
        let file = try pipeline(in: scratch, output: "out")
        for step in 1...2 { _ = try run(["run", file, "--step", "\(step)", "--workers", "3", "--quiet"]) }
        let unknown = try CLI.run(["run", file, "--step", "3", "--phase", "sparkle", "--workers", "3"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("its phases are signatures, buckets, clusters"), "\(unknown.stderr)")
        let none = try CLI.run(["run", file, "--step", "2", "--phase", "buckets", "--workers", "3"])
        #expect(none.status == 64 && none.stderr.contains("step 2 (quality) has no phases"), "\(none.stderr)")

        let signatures = ["run", file, "--step", "3", "--phase", "signatures", "--world-size", "3", "--quiet"]
        _ = try run(signatures + ["--rank", "1"])
        let early = try CLI.run(["run", file, "--step", "3", "--phase", "buckets", "--rank", "1", "--world-size", "3"])
        #expect(early.status == 64)
        #expect(
            early.stderr.contains("reads phase 'signatures', which ranks 0, 2 of 3 have not finished"),
            "\(early.stderr)")
        // With --workers, one process runs the phase for every rank not done yet.
        let all = try run(["run", file, "--step", "3", "--phase", "signatures", "--workers", "3", "--quiet"])
        #expect(all.stdout.contains("phase signatures: ran ranks 0,2, skipped 1"), "\(all.stdout)")
    }

    @Test func mergeListsTheRanksThatHaveNotFinished() throws {
        let scratch = try TemporaryDirectory()
        let file = try pipeline(in: scratch, output: "out")
        for rank in [0, 2] {
            _ = try run(["run", file, "--step", "1", "--rank", "\(rank)", "--world-size", "3", "--no-merge", "--quiet"])
        }
        let merge = try CLI.run(["merge", file, "--step", "1", "--world-size", "3"])
        #expect(merge.status != 0)
        #expect(
            merge.stderr.contains("cannot merge step 1 (ingest): ranks 1 of 3 have not finished"), "\(merge.stderr)")
        let never = try CLI.run(["merge", file, "--step", "2", "--world-size", "3"])
        #expect(never.status != 0 && never.stderr.contains("step 1 (ingest) is not complete"), "\(never.stderr)")
        _ = try run(["run", file, "--step", "1", "--rank", "1", "--world-size", "3", "--no-merge", "--quiet"])
        #expect(try run(["merge", file, "--step", "1", "--world-size", "3"]).stdout.contains("merged ranks 0,1,2"))
    }
}
